package vn.directivetracker.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and form of the top-level {@code processes/} and {@code forms/} folders
 * as ONE deployment with stable resource names ({@code processes/x.bpmn}, {@code forms/x.form}).
 *
 * <p>Why not Camunda's own scanning: its resource names differ between {@code spring-boot:run}
 * and {@code java -jar} (a new version of everything on every switch), and
 * deploy-changed-only would deploy a changed BPMN without the forms its tasks reference.
 * With duplicate filtering on and deploy-changed-only off, an unchanged set deploys nothing and
 * any change deploys the whole set, forms beside their processes.
 */
@Component
@Order(0)
public class ProcessResourceDeployer implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "directive-tracker";
  private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);
  private static final String[] FOLDERS = {"processes", "forms"};
  private static final String[] SUFFIXES = {".bpmn", ".dmn", ".form"};

  private final RepositoryService repositoryService;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ProcessResourceDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  /** Returns the new deployment, or null when nothing changed since the last one. */
  public Deployment deploy() throws IOException {
    return deploy(collect());
  }

  /** Deploys this set of resources (name to content) as the application's one deployment. */
  public Deployment deploy(Map<String, byte[]> resources) {
    if (resources.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form found under classpath:processes/ or classpath:forms/");
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    long before = deploymentCount();
    Deployment deployment = builder.deploy();
    if (deploymentCount() > before) {
      log.info("Deployed {} resources as deployment {}: {}", resources.size(), deployment.getId(), resources.keySet());
      return deployment;
    }
    log.info("Processes and forms unchanged ({} resources): nothing deployed", resources.size());
    return null;
  }

  private long deploymentCount() {
    return repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
  }

  /** Resource name (folder/relative path) to content, sorted for a stable deployment. */
  public Map<String, byte[]> collect() throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    for (String folder : FOLDERS) {
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
        String url = resource.getURL().toString();
        String name = url.substring(url.lastIndexOf("/" + folder + "/") + 1);
        if (!resource.isReadable() || !hasDeployableSuffix(name)) {
          continue;
        }
        try (InputStream input = resource.getInputStream()) {
          resources.put(name, input.readAllBytes());
        }
      }
    }
    return resources;
  }

  private static boolean hasDeployableSuffix(String name) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
