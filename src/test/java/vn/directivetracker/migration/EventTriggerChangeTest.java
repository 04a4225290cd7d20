package vn.directivetracker.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Only a timer whose definition the new version changed is recomputed when its directive migrates. */
class EventTriggerChangeTest {

  @Test
  void anUnchangedTimerIsKeptAndAChangedOneUpdated() {
    BpmnModelInstance old = withTimer("${reminderDate}");
    assertThat(RunningInstanceMigration.triggerChanged(old, withTimer("${reminderDate}"), "Timer_Reminder", "Timer_Reminder"))
        .isFalse();
    assertThat(RunningInstanceMigration.triggerChanged(old, withTimer("${earlierReminderDate}"), "Timer_Reminder",
        "Timer_Reminder")).isTrue();
    // not an event: nothing to update
    assertThat(RunningInstanceMigration.triggerChanged(old, withTimer("${x}"), "Task_Work", "Task_Work")).isFalse();
  }

  private static BpmnModelInstance withTimer(String date) {
    return Bpmn.createExecutableProcess("p").startEvent().userTask("Task_Work")
        .intermediateCatchEvent("Timer_Reminder").timerWithDate(date).endEvent().done();
  }
}
