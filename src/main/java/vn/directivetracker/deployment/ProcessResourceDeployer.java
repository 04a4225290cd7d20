package vn.directivetracker.deployment;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checks, then deploys the BPMN, DMN and forms of the top-level {@code processes/} and
 * {@code forms/} folders (packed into the jar; or {@code directive-tracker.models-folder}) with
 * stable resource names ({@code processes/x.bpmn}, {@code forms/x.form}), one deployment per
 * {@link DeploymentUnits unit}: a process with its forms, or a DMN alone.
 *
 * <p>Why not Camunda's own scanning: its resource names differ between {@code spring-boot:run}
 * and {@code java -jar} (a new version of everything on every switch), and deploy-changed-only
 * would deploy a changed BPMN without the forms its tasks reference. Each unit is deployed under
 * its own name with duplicate filtering (deploy-changed-only off): an unchanged unit deploys
 * nothing, a changed one is deployed whole, so forms always sit beside their process version.
 * The engine takes its deployment lock for each, and {@code cluster.StartupLock} lets one node at
 * a time start, so nodes starting together deploy each change once.
 *
 * <p>Databases from before the split hold one deployment named {@code directive-tracker}: the
 * first start after the upgrade finds no unit under its new name and deploys each once.
 */
@Component
@Order(0)
public class ProcessResourceDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final RepositoryService repositoryService;
  private final ApplicationContext context;
  private final String modelsFolder;

  public ProcessResourceDeployer(RepositoryService repositoryService, ApplicationContext context,
      @Value("${directive-tracker.models-folder:}") String modelsFolder) {
    this.repositoryService = repositoryService;
    this.context = context;
    this.modelsFolder = modelsFolder;
  }

  @Override
  public void run(ApplicationArguments args) {
    deploy();
  }

  /** Checks and deploys the configured models; returns the new deployments (none when nothing changed). */
  public List<Deployment> deploy() {
    ModelFiles models = collect();
    List<String> problems = new ModelCheck(context::containsBean, this::beanType).check(models);
    if (!problems.isEmpty()) {
      throw new ModelCheckException(models.origin(), problems);
    }
    return deploy(models.resources());
  }

  /** The configured models: the folder if one is set, else the classpath. */
  public ModelFiles collect() {
    return modelsFolder.isBlank() ? ModelFiles.fromClasspath() : ModelFiles.fromFolder(Path.of(modelsFolder));
  }

  /** Deploys this set of resources (name to content), each changed unit as its own deployment. */
  public List<Deployment> deploy(Map<String, byte[]> resources) {
    if (resources.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form found under processes/ or forms/");
    }
    ModelFiles models = new ModelFiles("", resources);
    List<DeploymentUnits.Unit> units = DeploymentUnits.of(models);
    List<Deployment> deployed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (DeploymentUnits.Unit unit : units) {
      Deployment deployment = deploy(unit);
      if (deployment != null) {
        deployed.add(deployment);
      } else {
        unchanged.add(unit.name());
      }
    }
    List<String> unused = DeploymentUnits.unusedForms(models, units);
    if (!unused.isEmpty()) {
      log.warn("Forms referenced by no process, not deployed: {}", unused);
    }
    log.info("{} of {} deployment units changed; unchanged: {}", deployed.size(), units.size(), unchanged);
    return deployed;
  }

  private Deployment deploy(DeploymentUnits.Unit unit) {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(unit.name())
        .source(DeploymentUnits.PREFIX)
        .enableDuplicateFiltering(false);
    unit.resources().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    long before = deploymentCount(unit.name());
    Deployment deployment = builder.deploy();
    if (deploymentCount(unit.name()) > before) {
      log.info("Deployed {} as deployment {}: {}", unit.name(), deployment.getId(), unit.resources().keySet());
      return deployment;
    }
    return null;
  }

  private Class<?> beanType(String name) {
    try {
      return context.getType(name, false);
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private long deploymentCount(String name) {
    return repositoryService.createDeploymentQuery().deploymentName(name).count();
  }
}
