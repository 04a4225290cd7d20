package vn.directivetracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * Imports a synthetic notice of 1 000 items that fans out to 10 000 directives on PostgreSQL and
 * prints items/s and directive instances started/s, then starts the same number of a bare
 * start → user task process the same way, so the ratio shows what the directive's shape costs.
 * Prints figures, asserts nothing about speed. Run: {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
class NoticeImportBenchmark {

  private static final int ITEMS = 1_000;
  /** 248 x 34 provinces + 51 x 17 ministries + 701 single leads = 10 000 directives. */
  private static final int PROVINCE_ITEMS = 248;
  private static final int MINISTRY_ITEMS = 51;
  private static final int DIRECTIVES = 10_000;
  private static final String[] LEADS = {"BCA", "BKHCN", "BTC", "BTP", "BYT", "BXD", "BCT", "BNV", "VPCP", "BCYCP"};

  @Test
  void importTenThousandDirectives() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create();
        ConfigurableApplicationContext app = AppInstance.startWithJobExecutor("postgres", AppInstance.postgres(database))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      app.getBeanFactory().registerSingleton("bareGroups", new BareGroups());
      NoticeImporter importer = app.getBean(NoticeImporter.class);

      long started = System.nanoTime();
      importer.importNotice(app.getBean(NoticeValidator.class).validate(syntheticNotice("BENCH/TB-VPCP")),
          Registrar.system("benchmark"));
      double importSeconds = seconds(started);
      double directiveSeconds = waitFor(engine, "directive", DIRECTIVES, started);

      // the bare process is started through the same two-level fan-out as notices (1 000 groups of 10)
      deployBareFanOut(engine);
      long bareStarted = System.nanoTime();
      engine.getRuntimeService().startProcessInstanceByKey("bareParent");
      double bareSeconds = waitFor(engine, "bareTask", DIRECTIVES, bareStarted);

      System.out.printf("%nBENCHMARK notice import on PostgreSQL, %d items -> %d directives (2 cores)%n", ITEMS, DIRECTIVES);
      System.out.printf("  import (validate, fan out, write, start notice process): %.2f s = %.0f items/s%n",
          importSeconds, ITEMS / importSeconds);
      System.out.printf("  directive instances at their first task:  %.1f s = %.0f instances/s%n",
          directiveSeconds, DIRECTIVES / directiveSeconds);
      System.out.printf("  bare start -> user task instances, same way: %.1f s = %.0f instances/s%n",
          bareSeconds, DIRECTIVES / bareSeconds);
      System.out.printf("  directive / bare time ratio: %.1f%n%n", directiveSeconds / bareSeconds);
    }
  }

  /**
   * Deploys the bare start → user task process ({@code bareTask}) behind the same two-level fan-out
   * as notices ({@code bareParent} → {@code bareItem}, 1 000 groups of 10); its collections come from
   * a {@link BareGroups} bean named {@code bareGroups}.
   */
  static void deployBareFanOut(ProcessEngine engine) {
    BpmnModelInstance bare = Bpmn.createExecutableProcess("bareTask").camundaHistoryTimeToLive(1)
        .startEvent().userTask().camundaCandidateGroups("${group}").endEvent().done();
    BpmnModelInstance bareItem = Bpmn.createExecutableProcess("bareItem").camundaHistoryTimeToLive(1)
        .startEvent().callActivity().calledElement("bareTask").camundaAsyncBefore().camundaIn("group", "group")
        .multiInstance().camundaAsyncBefore().camundaCollection("${bareGroups.ten(item)}").camundaElementVariable("group")
        .multiInstanceDone().endEvent().done();
    BpmnModelInstance bareParent = Bpmn.createExecutableProcess("bareParent").camundaHistoryTimeToLive(1)
        .startEvent().callActivity().calledElement("bareItem").camundaAsyncBefore().camundaIn("item", "item")
        .multiInstance().camundaAsyncBefore().camundaCollection("${bareGroups.items()}").camundaElementVariable("item")
        .multiInstanceDone().endEvent().done();
    engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance("bare.bpmn", bare)
        .addModelInstance("bareItem.bpmn", bareItem).addModelInstance("bareParent.bpmn", bareParent).deploy();
  }

  /** Collections for the bare processes' multi-instance calls, reached by name from their expressions. */
  public static final class BareGroups {
    public List<Integer> items() {
      List<Integer> items = new ArrayList<>(ITEMS);
      for (int i = 0; i < ITEMS; i++) {
        items.add(i);
      }
      return items;
    }

    public List<String> ten(Object item) {
      int first = ((Number) item).intValue() * (DIRECTIVES / ITEMS);
      List<String> groups = new ArrayList<>();
      for (int i = first; i < first + DIRECTIVES / ITEMS; i++) {
        groups.add(LEADS[i % LEADS.length]);
      }
      return groups;
    }
  }

  private static double waitFor(ProcessEngine engine, String processKey, int count, long since) throws InterruptedException {
    while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count() < count) {
      Thread.sleep(250);
      if (seconds(since) > 1_800) {
        throw new IllegalStateException("gave up after 30 min waiting for " + count + " " + processKey + " instances");
      }
    }
    return seconds(since);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static JsonNode syntheticNotice(String number) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode notice = mapper.createObjectNode();
    notice.put("number", number).put("issuer", "VPCP").put("standingOffice", "VPCP")
        .put("title", "Thông báo tổng hợp để đo hiệu năng").put("issuedOn", "2026-11-20");
    ArrayNode items = notice.putArray("items");
    for (int i = 1; i <= ITEMS; i++) {
      ObjectNode item = items.addObject();
      item.put("ref", (i / 10 + 1) + "." + "abcdeghikl".charAt(i % 10) + "." + i);
      item.put("text", "Nhiệm vụ tổng hợp số " + i + " về chuyển đổi số.");
      if (i <= PROVINCE_ITEMS) {
        item.put("leadClass", "PROVINCIAL_PEOPLES_COMMITTEES");
      } else if (i <= PROVINCE_ITEMS + MINISTRY_ITEMS) {
        item.put("leadClass", "MINISTRIES_AND_MINISTERIAL_AGENCIES");
      } else {
        item.put("lead", LEADS[i % LEADS.length]);
      }
      ObjectNode deadline = item.putObject("deadline");
      if (i % 3 == 0) {
        deadline.put("kind", "ONGOING");
      } else {
        deadline.put("kind", "DATE").put("date", "2027-0" + (1 + i % 9) + "-15").put("phrase", "Hoàn thành trong quý");
      }
      item.put("keyTask", i % 5 == 0);
    }
    return notice;
  }
}
