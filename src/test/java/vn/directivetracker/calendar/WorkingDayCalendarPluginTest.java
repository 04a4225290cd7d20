package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs a real in-memory engine with the plugin: the calendar must be reachable from BPMN. */
class WorkingDayCalendarPluginTest {

  private static final WorkingDayCalendar WORKING_DAYS = WorkingDayCalendar.fromClasspath();
  private static ProcessEngine engine;

  @BeforeAll
  static void buildEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("working-day-calendar-plugin-test")
            .setJdbcUrl("jdbc:h2:mem:working-day-calendar-plugin-test;DB_CLOSE_DELAY=-1")
            .setJobExecutorActivate(false)
            .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.getProcessEnginePlugins().add(new WorkingDayCalendarPlugin(WORKING_DAYS));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void registersTheWorkingDayCalendarAndKeepsTheCycleCalendar() {
    BusinessCalendarManager manager =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager();

    assertThat(manager.getBusinessCalendar("dueDate")).isInstanceOf(VietnamBusinessCalendar.class);
    assertThat(manager.getBusinessCalendar("duration")).isInstanceOf(VietnamBusinessCalendar.class);
    assertThat(manager.getBusinessCalendar("cycle")).isInstanceOf(CycleBusinessCalendar.class);
  }

  @Test
  void addsToACalendarManagerAnotherPluginInstalled() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    MapBusinessCalendarManager existing = new MapBusinessCalendarManager();
    CycleBusinessCalendar custom = new CycleBusinessCalendar();
    existing.addBusinessCalendar("custom", custom);
    configuration.setBusinessCalendarManager(existing);

    new WorkingDayCalendarPlugin(WORKING_DAYS).preInit(configuration);

    assertThat(configuration.getBusinessCalendarManager()).isSameAs(existing);
    assertThat(existing.getBusinessCalendar("custom")).isSameAs(custom);
    assertThat(existing.getBusinessCalendar("dueDate")).isInstanceOf(VietnamBusinessCalendar.class);

    configuration.setBusinessCalendarManager(name -> null);
    assertThatThrownBy(() -> new WorkingDayCalendarPlugin(WORKING_DAYS).preInit(configuration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be extended");
  }

  @Test
  void userTaskDatesAndTimersCountWorkingDays() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("workingDays")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .parallelGateway("fork")
        .userTask("review")
          .camundaDueDate("P5WD@end")
          .camundaFollowUpDate("P3WD@08:00")
        .endEvent()
        .moveToNode("fork")
        .intermediateCatchEvent("reminder").timerWithDuration("P2WD@08:00")
        .endEvent()
        .moveToNode("fork")
        .intermediateCatchEvent("deadline").timerWithDate("2026-04-30@due")
        .endEvent()
        .moveToNode("fork")
        .intermediateCatchEvent("hourly").timerWithDuration("PT1H")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("workingDays.bpmn", model).deploy();
    // Thursday before Tết Bính Ngọ: Friday 13/2 is a working day, then 16-22/2 are off.
    ClockUtil.setCurrentTime(at("2026-02-12T10:15:00+07:00"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("workingDays");

    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review.getDueDate()).isEqualTo(at("2026-02-26T23:59:59+07:00"));
    assertThat(review.getFollowUpDate()).isEqualTo(at("2026-02-24T08:00:00+07:00"));
    assertThat(timerDueDate(instance, "reminder")).isEqualTo(at("2026-02-23T08:00:00+07:00"));
    assertThat(timerDueDate(instance, "deadline")).isEqualTo(at("2026-05-04T23:59:59+07:00"));
    assertThat(timerDueDate(instance, "hourly")).isEqualTo(at("2026-02-12T11:15:00+07:00"));
  }

  private static Date timerDueDate(ProcessInstance instance, String activityId) {
    List<org.camunda.bpm.engine.runtime.Job> jobs = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).activityId(activityId).list();
    assertThat(jobs).hasSize(1);
    return jobs.get(0).getDuedate();
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
