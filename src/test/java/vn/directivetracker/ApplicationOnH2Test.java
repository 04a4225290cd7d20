package vn.directivetracker;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.access.DemoIdentities;
import vn.directivetracker.agency.AgencyGroupSync;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deployment.ProcessResourceDeployer;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.Http;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationOnH2Test {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessResourceDeployer deployer;
  @Autowired AgencyRegistry agencies;
  @Autowired AgencyGroupSync groupSync;
  @LocalServerPort int port;

  /**
   * Test contexts cached in one JVM each register an engine named "default"; the REST API serves
   * whichever registered last. Point it at this context's engine (production has only one).
   */
  @org.junit.jupiter.api.BeforeEach
  void serveThisEngineOverRest() {
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void eachProcessIsDeployedUnderItsOwnNameWithTheFormsItShows() {
    List<String> directive = latestResources("directive-tracker:directive.bpmn");
    assertThat(directive).contains("processes/directive.bpmn", "forms/Task_AcknowledgeDirective.form",
        "forms/Task_SubmitCompletionReport.form").doesNotContain("processes/notice.bpmn",
        "forms/StartForm_RegisterNotice.form");
    assertThat(latestResources("directive-tracker:notice.bpmn")).contains("processes/notice.bpmn",
        "forms/StartForm_RegisterNotice.form", "forms/Task_AddNoticeItem.form")
        .doesNotContain("processes/directive.bpmn", "forms/Task_AcknowledgeDirective.form");
    assertThat(latestResources("directive-tracker:status-snapshot.bpmn"))
        .containsExactly("processes/status-snapshot.bpmn");
    // the decision is deployed once: beside directive.bpmn while it binds it by deployment, else alone
    boolean boundByDeployment = directiveBindsPolicyByDeployment();
    assertThat(directive.contains("processes/directive-policy.dmn")).isEqualTo(boundByDeployment);
    if (boundByDeployment) {
      assertThat(repositoryService.createDeploymentQuery().deploymentName("directive-tracker:directive-policy.dmn")
          .count()).isZero();
    } else {
      assertThat(latestResources("directive-tracker:directive-policy.dmn")).containsExactly("processes/directive-policy.dmn");
    }
  }

  /** The tests that deploy edited models put the shipped ones back, so that each starts from them. */
  @org.junit.jupiter.api.AfterEach
  void redeployTheShippedModels() {
    deployer.deploy(deployer.collect().resources());
  }

  @Test
  void redeployingTheUnchangedSetCreatesNothing() {
    long before = repositoryService.createDeploymentQuery().count();
    assertThat(deployer.deploy()).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void anEditedProcessIsDeployedOnceWithItsFormsAndNothingElse() {
    Map<String, byte[]> resources = new TreeMap<>(deployer.collect().resources());
    edit(resources, "processes/directive.bpmn", "name=\"Theo dõi nhiệm vụ\"", "name=\"Theo dõi nhiệm vụ (sửa)\"");
    Map<String, Integer> before = latestVersions();

    List<Deployment> changed = deployer.deploy(resources);

    assertThat(changed).singleElement().extracting(Deployment::getName).isEqualTo("directive-tracker:directive.bpmn");
    assertThat(repositoryService.getDeploymentResourceNames(changed.get(0).getId()))
        .contains("processes/directive.bpmn", "forms/Task_ConfirmAssignment.form", "forms/Task_DecideExtension.form");
    Map<String, Integer> expected = new TreeMap<>(before);
    expected.merge("directive", 1, Integer::sum);
    assertThat(latestVersions()).isEqualTo(expected);
    assertThat(deployer.deploy(resources)).isEmpty();
    // the edited version must still find its forms, so the whole path runs on it
    FirstProcessPath.runToCompletion(engine, FirstProcessPath.start(engine, "edited/1"));
  }

  @Test
  void aChangedFormRedeploysOnlyTheProcessThatShowsIt() {
    Map<String, byte[]> resources = new TreeMap<>(deployer.collect().resources());
    edit(resources, "forms/StartForm_RegisterNotice.form", "\"label\": \"", "\"label\": \"(sửa) ");
    Map<String, Integer> before = latestVersions();

    List<Deployment> changed = deployer.deploy(resources);

    assertThat(changed).extracting(Deployment::getName).containsExactly("directive-tracker:notice.bpmn");
    Map<String, Integer> expected = new TreeMap<>(before);
    expected.merge("notice", 1, Integer::sum);
    assertThat(latestVersions()).isEqualTo(expected);
    assertThat(deployer.deploy(resources)).isEmpty();
  }

  @Test
  void aChangedDecisionCreatesANewDecisionVersionOnly() {
    Map<String, byte[]> resources = new TreeMap<>(deployer.collect().resources());
    edit(resources, "processes/directive-policy.dmn", "<decision id=\"directivePolicy\" name=\"",
        "<decision id=\"directivePolicy\" name=\"(sửa) ");
    Map<String, Integer> before = latestVersions();
    int decisionBefore = latestPolicyVersion();

    deployer.deploy(resources);

    assertThat(latestPolicyVersion()).isEqualTo(decisionBefore + 1);
    Map<String, Integer> expected = new TreeMap<>(before);
    if (directiveBindsPolicyByDeployment()) {
      expected.merge("directive", 1, Integer::sum); // it must carry the decision it binds
    }
    assertThat(latestVersions()).isEqualTo(expected);
    assertThat(deployer.deploy(resources)).isEmpty();
  }

  private boolean directiveBindsPolicyByDeployment() {
    String bpmn = new String(deployer.collect().resources().get("processes/directive.bpmn"), UTF_8);
    return bpmn.contains("camunda:decisionRefBinding=\"deployment\"");
  }

  private int latestPolicyVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("directivePolicy").latestVersion()
        .singleResult().getVersion();
  }

  private List<String> latestResources(String deploymentName) {
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentName(deploymentName)
        .orderByDeploymentTime().desc().list().get(0);
    return repositoryService.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).sorted()
        .toList();
  }

  /** Latest version of every process, by key. */
  private Map<String, Integer> latestVersions() {
    Map<String, Integer> versions = new TreeMap<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> versions.put(definition.getKey(), definition.getVersion()));
    return versions;
  }

  private static void edit(Map<String, byte[]> resources, String name, String from, String to) {
    String text = new String(resources.get(name), UTF_8);
    assertThat(text).as(name).contains(from);
    resources.put(name, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
        .getBytes(UTF_8));
  }

  @Test
  void everyActiveAgencyIsAGroupOnceWithItsVietnameseName() {
    int active = agencies.activeOn(LocalDate.now()).size();
    assertThat(identityService.createGroupQuery().groupType("agency").count()).isEqualTo(active);
    Group bca = identityService.createGroupQuery().groupId("BCA").singleResult();
    assertThat(bca.getName()).isEqualTo("Bộ Công an");
    assertThat(identityService.createGroupQuery().groupId("UBND-HANOI").singleResult().getName())
        .isEqualTo("Ủy ban nhân dân thành phố Hà Nội");

    assertThat(groupSync.sync()).isEqualTo(new AgencyGroupSync.SyncResult(0, 0));
    assertThat(identityService.createGroupQuery().groupType("agency").count()).isEqualTo(active);
  }

  @Test
  void aRenamedAgencyGroupIsUpdatedNotDuplicated() {
    Group group = identityService.createGroupQuery().groupId("BYT").singleResult();
    group.setName("Bo Y te");
    identityService.saveGroup(group);

    assertThat(groupSync.sync()).isEqualTo(new AgencyGroupSync.SyncResult(0, 1));
    assertThat(identityService.createGroupQuery().groupId("BYT").singleResult().getName()).isEqualTo("Bộ Y tế");
  }

  @Test
  void demoProfileCreatesOfficersReviewersManagerAndAdmin() {
    assertThat(identityService.checkPassword(DemoIdentities.officerOf("BCA"), DemoIdentities.PASSWORD)).isTrue();
    assertThat(identityService.createUserQuery().userId("officer-bca").memberOfGroup("BCA").count()).isOne();
    assertThat(identityService.createUserQuery().userId("reviewer-vpcp").memberOfGroup("VPCP").count()).isOne();
    assertThat(identityService.createUserQuery().userId("manager").memberOfGroup("managers").count()).isOne();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
  }

  @Test
  void engineRestNeedsHttpBasicButHealthIsOpen() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // another user than below: Camunda locks a user for some seconds after a wrong password
    HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer-ttcp:wrong".getBytes(UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    HttpResponse<String> profile = get("/engine-rest/user/officer-bca/profile", "officer-bca");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).contains("Bộ Công an");
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return Http.call(port, "GET", path, user, null, null);
  }

  @Test
  void tasklistFiltersShowAnOfficerTheTasksOfTheirAgency() {
    ProcessInstance directive = FirstProcessPath.start(engine, "filters/1");
    org.camunda.bpm.engine.FilterService filters = engine.getFilterService();
    assertThat(filters.createFilterQuery().list()).extracting(org.camunda.bpm.engine.filter.Filter::getName)
        .contains("Việc của đơn vị tôi", "Việc tôi đang xử lý", "Sắp đến hạn", "Quá hạn", "Báo cáo tháng",
            "Rà soát định kỳ");
    String myAgency = filters.createFilterQuery().filterName("Việc của đơn vị tôi").singleResult().getId();
    try {
      // the first task belongs to the standing office
      identityService.setAuthentication("reviewer-vpcp", List.of("VPCP", "reviewers"));
      assertThat(filters.list(myAgency)).extracting(t -> ((org.camunda.bpm.engine.task.Task) t).getProcessInstanceId())
          .contains(directive.getId());
      identityService.setAuthentication("officer-byt", List.of("BYT"));
      assertThat(filters.list(myAgency)).extracting(t -> ((org.camunda.bpm.engine.task.Task) t).getProcessInstanceId())
          .doesNotContain(directive.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theFirstProcessRunsThroughItsPath() {
    FirstProcessPath.runToCompletion(engine, FirstProcessPath.start(engine, "315/TB-VPCP/1.b/BCA"));
  }
}
