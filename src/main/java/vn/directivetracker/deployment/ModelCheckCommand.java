package vn.directivetracker.deployment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;

/**
 * {@code java -jar directive-tracker.jar --check-models[=folder]}: checks the models a process owner
 * is about to deploy, prints one line per problem and exits 0 (none) or 1, without starting the
 * engine, the database or the web server. The folder holds {@code processes/} and {@code forms/}
 * (default: the working directory when it has them, e.g. a checkout; else the models in the jar).
 *
 * <p>The bean names come from the application's own bean definitions: the context is refreshed
 * only as far as reading its configuration, then stopped before any bean is created.
 */
public final class ModelCheckCommand {

  public static final String OPTION = "--check-models";

  private ModelCheckCommand() {}

  public static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(arg -> arg.equals(OPTION) || arg.startsWith(OPTION + "="));
  }

  /** Runs the check; returns the exit status. */
  public static int run(Class<?> application, String[] args, PrintStream out) {
    Optional<String> folder = Arrays.stream(args).filter(arg -> arg.startsWith(OPTION + "="))
        .map(arg -> arg.substring(OPTION.length() + 1)).findFirst();
    ModelFiles models;
    if (folder.isPresent()) {
      Path path = Path.of(folder.get());
      if (!Files.isDirectory(path.resolve("processes")) && !Files.isDirectory(path.resolve("forms"))) {
        out.println("No processes/ or forms/ folder in " + path.toAbsolutePath().normalize());
        return 1;
      }
      models = ModelFiles.fromFolder(path);
    } else {
      models = Files.isDirectory(Path.of("processes")) ? ModelFiles.fromFolder(Path.of(".")) : ModelFiles.fromClasspath();
    }
    Map<String, Class<?>> beans;
    try {
      beans = beans(application, args);
    } catch (RuntimeException e) {
      out.println("Cannot read the application's configuration to find its beans: " + e.getMessage());
      return 1;
    }
    List<String> problems = new ModelCheck(beans::containsKey, beans::get).check(models);
    if (problems.isEmpty()) {
      out.println("Models in " + models.origin() + ": " + models.resources().size() + " files, no problems");
      return 0;
    }
    out.println("Models in " + models.origin() + ": " + problems.size() + " problem(s)");
    problems.forEach(problem -> out.println("  - " + problem));
    return 1;
  }

  /** The application's beans by name (and alias) with their class if known, read from its definitions without creating any. */
  static Map<String, Class<?>> beans(Class<?> application, String[] args) {
    Map<String, Class<?>> names = new HashMap<>();
    SpringApplication spring = new SpringApplication(application);
    spring.setLogStartupInfo(false);
    spring.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    spring.setRegisterShutdownHook(false);
    spring.addInitializers(context -> context.addBeanFactoryPostProcessor(new Capture(names)));
    String[] quiet = Arrays.stream(args).filter(arg -> !arg.startsWith(OPTION)).toArray(String[]::new);
    String[] withQuietLogs = Arrays.copyOf(quiet, quiet.length + 2);
    withQuietLogs[quiet.length] = "--logging.level.root=OFF";
    withQuietLogs[quiet.length + 1] = "--logging.level.org.springframework.boot.SpringApplication=OFF";
    try {
      spring.run(withQuietLogs).close();
      throw new IllegalStateException("the application started instead of stopping after reading its beans");
    } catch (BeansRead done) {
      return names;
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BeansRead) {
          return names;
        }
      }
      throw e;
    }
  }

  /** Stops the refresh after the configuration (and auto-configuration) registered every bean definition. */
  private record Capture(Map<String, Class<?>> names) implements BeanFactoryPostProcessor {
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      for (String name : beanFactory.getBeanDefinitionNames()) {
        Class<?> type = typeOf(beanFactory, name);
        names.put(name, type);
        Arrays.stream(beanFactory.getAliases(name)).forEach(alias -> names.put(alias, type));
      }
      for (String name : beanFactory.getSingletonNames()) {
        names.putIfAbsent(name, typeOf(beanFactory, name));
      }
      throw new BeansRead();
    }

    /** The bean's class from its definition, creating nothing (not even a FactoryBean); null if unknown. */
    private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
      try {
        return beanFactory.getType(name, false);
      } catch (RuntimeException unknown) {
        return null;
      }
    }
  }

  private static final class BeansRead extends RuntimeException {
    BeansRead() {
      super("bean definitions read", null, false, false);
    }
  }
}
