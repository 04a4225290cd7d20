package vn.directivetracker.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeploymentUnitsTest {

  @Test
  void aFormUsedByTwoProcessesGoesWithBoth() {
    Map<String, byte[]> models = new TreeMap<>();
    models.put("processes/a.bpmn", bpmn("a", "<bpmn:userTask id=\"Task_A\" camunda:formRef=\"Shared\""
        + " camunda:formRefBinding=\"deployment\" />"));
    models.put("processes/b.bpmn", bpmn("b", "<bpmn:startEvent id=\"Start_B\" camunda:formRef=\"Shared\""
        + " camunda:formRefBinding=\"deployment\" /><bpmn:userTask id=\"Task_B\" camunda:formRef=\"Only_B\" />"));
    models.put("forms/shared.form", form("Shared"));
    models.put("forms/Only_B.form", form("Only_B"));
    models.put("forms/Unused.form", form("Unused"));
    models.put("processes/policy.dmn", "<definitions><decision id=\"policy\"/></definitions>".getBytes(UTF_8));

    List<DeploymentUnits.Unit> units = DeploymentUnits.of(new ModelFiles("test", models));

    assertThat(units).extracting(DeploymentUnits.Unit::name)
        .containsExactly("directive-tracker:a.bpmn", "directive-tracker:b.bpmn", "directive-tracker:policy.dmn");
    assertThat(units.get(0).resources()).containsOnlyKeys("processes/a.bpmn", "forms/shared.form");
    assertThat(units.get(1).resources()).containsOnlyKeys("processes/b.bpmn", "forms/shared.form", "forms/Only_B.form");
    assertThat(units.get(2).resources()).containsOnlyKeys("processes/policy.dmn");
    assertThat(DeploymentUnits.unusedForms(new ModelFiles("test", models), units)).containsExactly("forms/Unused.form");
  }

  @Test
  void aDecisionBoundByDeploymentTravelsWithItsProcessOnly() {
    Map<String, byte[]> models = new TreeMap<>();
    models.put("processes/a.bpmn", bpmn("a", "<bpmn:businessRuleTask id=\"Rule_A\" camunda:decisionRef=\"policy\""
        + " camunda:decisionRefBinding=\"deployment\" />"));
    models.put("processes/b.bpmn", bpmn("b", "<bpmn:businessRuleTask id=\"Rule_B\" camunda:decisionRef=\"policy\" />"));
    models.put("processes/policy.dmn", "<definitions><decision id=\"policy\"/></definitions>".getBytes(UTF_8));

    List<DeploymentUnits.Unit> units = DeploymentUnits.of(new ModelFiles("test", models));

    assertThat(units).extracting(DeploymentUnits.Unit::name)
        .containsExactly("directive-tracker:a.bpmn", "directive-tracker:b.bpmn");
    assertThat(units.get(0).resources()).containsOnlyKeys("processes/a.bpmn", "processes/policy.dmn");
    assertThat(units.get(1).resources()).containsOnlyKeys("processes/b.bpmn");
  }

  @Test
  void theShippedModelsMakeOneUnitPerProcessAndEveryFormIsUsed() {
    ModelFiles shipped = ModelFiles.fromFolder(Path.of("."));
    List<DeploymentUnits.Unit> units = DeploymentUnits.of(shipped);
    assertThat(units).extracting(DeploymentUnits.Unit::name).contains("directive-tracker:directive.bpmn",
        "directive-tracker:notice.bpmn", "directive-tracker:notice-item.bpmn", "directive-tracker:review-cycle.bpmn",
        "directive-tracker:status-snapshot.bpmn");
    assertThat(DeploymentUnits.unusedForms(shipped, units)).isEmpty();
  }

  private static byte[] bpmn(String id, String content) {
    return ("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><bpmn:process id=\"" + id + "\">" + content
        + "</bpmn:process></bpmn:definitions>").getBytes(UTF_8);
  }

  private static byte[] form(String id) {
    return ("{\"id\": \"" + id + "\", \"type\": \"default\", \"components\": []}").getBytes(UTF_8);
  }
}
