package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** processes/status-snapshot.bpmn: the cut-off timer freezes the month, once, and waits for the next month. */
@SpringBootTest
class StatusSnapshotProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired StatusSnapshots snapshots;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    jdbc.update("delete from dt_status_snapshot_row where period = '2027-01'");
    jdbc.update("delete from dt_status_snapshot where period = '2027-01'");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theTimerAtTheEndOfTheCutOffDayFreezesTheMonth() {
    assertThat(snapshots.getCron()).isEqualTo("0 0 0 15 * ?");
    long runsBefore = runs();
    Job timer = timer();
    assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), WorkingDayCalendar.ZONE))
        .matches(due -> due.getDayOfMonth() == 15 && due.getHour() == 0 && due.getMinute() == 0);

    ClockUtil.setCurrentTime(at("2027-01-15T00:00:05"));
    managementService.executeJob(timer.getId());

    assertThat(runs()).isEqualTo(runsBefore + 1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("statusSnapshot")
        .variableValueEquals("period", "2027-01").list()).extracting(HistoricProcessInstance::getState)
        .contains(HistoricProcessInstance.STATE_COMPLETED);
    // Decree 09/2019: January's data run from 15 December to 14 January
    StatusSnapshot january = snapshots.all().stream().filter(s -> s.period().equals("2027-01")).findFirst().orElseThrow();
    assertThat(january.cutOff()).isEqualTo(YearMonth.of(2027, 1).atDay(14));
    assertThat(january.asOf()).isEqualTo(at("2027-01-14T23:59:59").toInstant());
    // the next cut-off is a month later
    assertThat(timer().getDuedate()).isEqualTo(at("2027-02-15T00:00"));
  }

  @Test
  void aRetriedRunKeepsTheFirstSnapshot() {
    ClockUtil.setCurrentTime(at("2027-01-15T00:00:05"));
    StatusSnapshot first = snapshots.freeze(YearMonth.of(2027, 1));
    ClockUtil.setCurrentTime(at("2027-01-15T00:10:00"));
    managementService.executeJob(timer().getId());
    StatusSnapshot kept = snapshots.all().stream().filter(s -> s.period().equals("2027-01")).findFirst().orElseThrow();
    assertThat(kept.takenAt()).isEqualTo(first.takenAt());
    assertThat(kept.directiveCount()).isEqualTo(first.directiveCount());
  }

  @Test
  void aMonthWhoseDataAreNotCutOffYetCannotBeFrozen() {
    ClockUtil.setCurrentTime(at("2027-01-14T10:00"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> snapshots.freeze(YearMonth.of(2027, 1)))
        .hasMessageContaining("not cut off");
  }

  long runs() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("statusSnapshot").completed().count();
  }

  Job timer() {
    return managementService.createJobQuery().processDefinitionKey("statusSnapshot").timers().singleResult();
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }
}
