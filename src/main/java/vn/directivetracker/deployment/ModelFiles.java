package vn.directivetracker.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The BPMN, DMN and form files a process owner edits, by stable resource name
 * ({@code processes/x.bpmn}, {@code forms/x.form}), read either from the classpath (the
 * top-level folders packed into the jar) or from a folder holding {@code processes/} and
 * {@code forms/} (a checkout, or a copy the owner is about to deploy).
 */
public record ModelFiles(String origin, Map<String, byte[]> resources) {

  static final String[] FOLDERS = {"processes", "forms"};
  private static final String[] SUFFIXES = {".bpmn", ".dmn", ".form"};

  public ModelFiles {
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
  }

  public static ModelFiles fromClasspath() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> resources = new TreeMap<>();
    try {
      for (String folder : FOLDERS) {
        for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
          String url = resource.getURL().toString();
          String name = url.substring(url.lastIndexOf("/" + folder + "/") + 1);
          if (!resource.isReadable() || !isModel(name)) {
            continue;
          }
          try (InputStream input = resource.getInputStream()) {
            resources.put(name, input.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes/ and forms/ from the classpath", e);
    }
    return new ModelFiles("classpath:processes/ and classpath:forms/", resources);
  }

  /** The models under {@code folder/processes} and {@code folder/forms}. */
  public static ModelFiles fromFolder(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    Map<String, byte[]> resources = new TreeMap<>();
    for (String name : FOLDERS) {
      Path sub = root.resolve(name);
      if (!Files.isDirectory(sub)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sub)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          if (isModel(relative)) {
            resources.put(relative, Files.readAllBytes(file));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + sub, e);
      }
    }
    return new ModelFiles(root + "/processes and " + root + "/forms", resources);
  }

  public boolean isEmpty() {
    return resources.isEmpty();
  }

  static boolean isModel(String name) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The file name without its folder, e.g. {@code directive.bpmn}. */
  static String fileName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }
}
