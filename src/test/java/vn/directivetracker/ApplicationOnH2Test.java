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
  void processesAndFormsFromTheTopLevelFoldersAreDeployedTogether() {
    Deployment deployment = repositoryService.createDeploymentQuery()
        .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).singleResult();
    List<String> names = repositoryService.getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).sorted().toList();
    assertThat(names).contains("processes/directive.bpmn", "forms/Task_AcknowledgeDirective.form",
        "forms/Task_SubmitCompletionReport.form");
    assertThat(names).allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
  }

  @Test
  void redeployingTheUnchangedSetCreatesNothing() throws IOException {
    long before = repositoryService.createDeploymentQuery().count();
    assertThat(deployer.deploy()).isNull();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void anEditedProcessIsDeployedOnceWithItsForms() throws IOException {
    Map<String, byte[]> resources = new TreeMap<>(deployer.collect());
    String bpmn = new String(resources.get("processes/directive.bpmn"), java.nio.charset.StandardCharsets.UTF_8);
    resources.put("processes/directive.bpmn",
        bpmn.replace("name=\"Theo dõi nhiệm vụ\"", "name=\"Theo dõi nhiệm vụ (sửa)\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int versionBefore = latestDirective().getVersion();

    Deployment changed = deployer.deploy(resources);

    assertThat(changed).isNotNull();
    assertThat(latestDirective().getVersion()).isEqualTo(versionBefore + 1);
    assertThat(repositoryService.getDeploymentResourceNames(changed.getId()))
        .containsAll(resources.keySet());
    assertThat(deployer.deploy(resources)).isNull();
    // the edited version must still find its forms, so the whole path runs on it
    FirstProcessPath.runToCompletion(engine, FirstProcessPath.start(engine, "edited/1"));
  }

  private ProcessDefinition latestDirective() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("directive").latestVersion().singleResult();
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
