package vn.directivetracker.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of processes/directive-policy.dmn, as a process owner would read the table. */
class DirectivePolicyTableTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "keyTask={0}, kind={1}, office={2} -> remind {3} wd before, leadership {4} wd after, report day {5}")
  @CsvSource({
      "true,  DATE,         VPCP,  7, 3,  20",
      "true,  ASAP,         VPTWD, 7, 3,  20",
      "false, ASAP,         VPCP,  5, 5,  20",
      "false, ROADMAP,      VPTWD, 5, 5,  20",
      "false, DATE,         VPCP,  5, 10, 20",
      "false, END_OF_MONTH, VPTWD, 5, 10, 20",
      "false, ONGOING,      VPCP,  5, 10, 20"
  })
  void policyPerDirective(boolean keyTask, String kind, String office, int reminder, int escalation, int reportDay)
      throws Exception {
    DmnDecision decision;
    try (InputStream table = Files.newInputStream(Path.of("processes/directive-policy.dmn"))) {
      decision = DMN.parseDecision("directivePolicy", table);
    }
    org.camunda.bpm.dmn.engine.DmnDecisionRuleResult result = DMN.evaluateDecisionTable(decision,
        Map.of("keyTask", keyTask, "deadlineKind", kind, "standingOffice", office)).getSingleResult();
    assertThat(result.<Integer>getEntry("reminderLeadWorkingDays")).isEqualTo(reminder);
    assertThat(result.<Integer>getEntry("leadershipEscalationWorkingDays")).isEqualTo(escalation);
    assertThat(result.<Integer>getEntry("monthlyReportDueDay")).isEqualTo(reportDay);
  }
}
