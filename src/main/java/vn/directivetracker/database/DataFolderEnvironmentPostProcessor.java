package vn.directivetracker.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code directive-tracker.data-dir} to an absolute path before the datasource is
 * configured: an H2 file URL is otherwise relative to the working directory, and {@code java -jar}
 * started from another folder would silently open a new, empty database.
 */
public class DataFolderEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String PROPERTY = "directive-tracker.data-dir";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      return;
    }
    String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
    environment.getPropertySources()
        .addFirst(new MapPropertySource("directiveTrackerDataDir", Map.of(PROPERTY, absolute)));
  }
}
