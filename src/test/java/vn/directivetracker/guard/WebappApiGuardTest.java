package vn.directivetracker.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.RecordSnapshot;
import vn.directivetracker.support.WebappSession;

/**
 * The door Tasklist itself uses: {@code /camunda/api/engine/...} with the browser's session and CSRF
 * token. The guard sits in the engine, so it answers here as on the engine REST API, in Vietnamese.
 * The app is started here, not shared: the webapps keep process-wide state that another test's
 * closed application would leave stale.
 */
class WebappApiGuardTest {

  @Test
  void tasklistsOwnApiTakesOnlyTheFormsFieldsAndAnswersInVietnamese() throws Exception {
    try (ConfigurableApplicationContext app = AppInstance.start(null, "directive-tracker.demo.import-seed-notices=false")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ProcessEngines.registerProcessEngine(engine);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      ProcessInstance directive = engine.getRuntimeService().startProcessInstanceByKey("directive", "WEBAPP/1.a/BCA",
          FirstProcessPath.variables());
      engine.getTaskService().complete(task(engine, directive), FirstProcessPath.variables());
      String acknowledge = task(engine, directive);
      RecordSnapshot before = RecordSnapshot.of(engine, directive.getId());

      WebappSession tasklist = WebappSession.login(port, "tasklist", "officer-bca");
      assertThat(tasklist.loginStatus()).isEqualTo(200);
      String path = "/camunda/api/engine/engine/default/task/" + acknowledge + "/submit-form";
      HttpResponse<String> forged = tasklist.send("POST", path, """
          {"variables": {"responsibleUnit": {"value": "Cục C06"}, "responsiblePerson": {"value": "Nguyễn Văn An"},
                         "plan": {"value": "Theo kế hoạch"}, "leadAgency": {"value": "BTC"}}}""");
      assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
      assertThat(forged.body()).contains("không có trên công việc", "leadAgency").doesNotContain("Exception:");
      assertThat(RecordSnapshot.of(engine, directive.getId())).isEqualTo(before);

      HttpResponse<String> honest = tasklist.send("POST", path, """
          {"variables": {"responsibleUnit": {"value": "Cục C06"}, "responsiblePerson": {"value": "Nguyễn Văn An"},
                         "plan": {"value": "Theo kế hoạch"}}}""");
      assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
      assertThat(engine.getRuntimeService().getVariable(directive.getId(), "acknowledgedAt")).isNotNull();
      assertThat(engine.getRuntimeService().getVariable(directive.getId(), "leadAgency")).isEqualTo("BCA");
    }
  }

  private static String task(ProcessEngine engine, ProcessInstance directive) {
    return engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).singleResult().getId();
  }
}
