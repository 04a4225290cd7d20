package vn.directivetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.FirstProcessPath;

/**
 * A database from before the split holds one deployment named {@code directive-tracker} with every
 * process and form. The first start after the upgrade deploys each unit once; directives started
 * on the old deployment keep running on it, with its forms; the next start deploys nothing.
 */
class UpgradeFromSingleDeploymentTest {

  @Test
  void theFirstStartDeploysEachUnitOnceAndOldDirectivesRunOn(@TempDir Path dataDir) {
    String[] properties = {"spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/dt",
        "directive-tracker.demo.import-seed-notices=false"};
    int units = DeploymentUnits.of(ModelFiles.fromClasspath()).size();
    String oldInstanceId;
    try (ConfigurableApplicationContext before = AppInstance.start(null, properties)) {
      ProcessEngine engine = before.getBean(ProcessEngine.class);
      RepositoryService repository = engine.getRepositoryService();
      // make the database one from before the split: the single deployment of everything, and a directive on it
      repository.createDeploymentQuery().list().forEach(old -> repository.deleteDeployment(old.getId(), true));
      DeploymentBuilder single = repository.createDeployment().name(DeploymentUnits.PREFIX)
          .source(DeploymentUnits.PREFIX);
      ModelFiles.fromClasspath().resources()
          .forEach((name, bytes) -> single.addInputStream(name, new ByteArrayInputStream(bytes)));
      single.deploy();
      oldInstanceId = FirstProcessPath.start(engine, "upgrade/1").getId();
    }

    try (ConfigurableApplicationContext upgraded = AppInstance.start(null, properties)) {
      ProcessEngine engine = upgraded.getBean(ProcessEngine.class);
      RepositoryService repository = engine.getRepositoryService();
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(1 + units);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("directive").latestVersion()
          .singleResult().getVersion()).isEqualTo(2);

      ProcessInstance old = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(oldInstanceId)
          .singleResult();
      assertThat(repository.getProcessDefinition(old.getProcessDefinitionId()).getVersion()).isEqualTo(1);
      FirstProcessPath.runToCompletion(engine, old);
      FirstProcessPath.runToCompletion(engine, FirstProcessPath.start(engine, "upgrade/2"));
    }

    try (ConfigurableApplicationContext again = AppInstance.start(null, properties)) {
      assertThat(again.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(1 + units);
    }
  }
}
