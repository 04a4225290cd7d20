package vn.directivetracker.calendar;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link VietnamBusinessCalendar} in the process engine, so that BPMN due dates and timers
 * understand working-day expressions such as {@code P5WD@end}. The Camunda Spring Boot starter
 * applies every {@code ProcessEnginePlugin} bean.
 *
 * <p>Registered names: {@code dueDate} and {@code duration} get the working-day calendar (each
 * delegating standard ISO 8601 expressions to the Camunda calendar it replaces); {@code cycle} keeps
 * Camunda's {@link CycleBusinessCalendar}.
 */
@Component
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  private final WorkingDayCalendar calendar;

  public WorkingDayCalendarPlugin(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // preInit runs before the engine creates its default manager (it only does so when none is set).
    BusinessCalendarManager existing = configuration.getBusinessCalendarManager();
    MapBusinessCalendarManager manager;
    if (existing == null) {
      manager = new MapBusinessCalendarManager();
      manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    } else if (existing instanceof MapBusinessCalendarManager map) {
      manager = map; // another plugin's calendars stay; ours replace only dueDate and duration
    } else {
      throw new IllegalStateException("Cannot install the working-day calendar: the engine already has a "
          + existing.getClass().getName() + ", which cannot be extended");
    }
    manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new VietnamBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new VietnamBusinessCalendar(calendar, new DurationBusinessCalendar()));
    configuration.setBusinessCalendarManager(manager);
  }
}
