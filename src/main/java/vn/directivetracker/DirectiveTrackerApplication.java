package vn.directivetracker;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deployment.ModelCheckCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectiveTrackerApplication {

  /** Every node, test and container must read due dates in the same zone (see CAMUNDA-NOTES, Timers). */
  public static final String ZONE_ID = WorkingDayCalendar.ZONE.getId();

  public static void main(String[] args) {
    pinTimeZone();
    if (ModelCheckCommand.requested(args)) {
      System.exit(ModelCheckCommand.run(DirectiveTrackerApplication.class, args, System.out));
    }
    SpringApplication.run(DirectiveTrackerApplication.class, args);
  }

  /** Camunda stores due dates without a zone: a node in UTC would fire +07:00 timers 7 hours late. */
  public static void pinTimeZone() {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE_ID));
  }
}
