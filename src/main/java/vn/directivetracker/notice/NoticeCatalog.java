package vn.directivetracker.notice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The notices shipped as data ({@code src/main/resources/notices/*.yaml}): the two seed notices
 * every directive of which the system must track. Read with the same validation as an import.
 */
@Component
public class NoticeCatalog {

  /** The largest notice document read, in characters (see README, "Notices"): ten times the largest seed. */
  public static final int MAX_DOCUMENT_CHARS = 1024 * 1024;
  /** YAML is a superset of JSON: one reader serves both formats, with limits that keep parsing cheap. */
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
      .streamReadConstraints(constraints()).build());
  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints())
      .build()).build();

  private final NoticeValidator validator;

  public NoticeCatalog(NoticeValidator validator) {
    this.validator = validator;
  }

  /** A notice document, JSON or YAML; at most {@link #MAX_DOCUMENT_CHARS}, no aliases bombs, no deep nesting. */
  public static JsonNode read(InputStream input) throws IOException {
    return YAML.readTree(input);
  }

  /** A notice document known to be JSON: the stricter, faster reader. */
  public static JsonNode readJson(InputStream input) throws IOException {
    return JSON.readTree(input);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(MAX_DOCUMENT_CHARS)
        .maxDocumentLength(MAX_DOCUMENT_CHARS).build();
  }

  public List<NoticeDocument> load() {
    List<NoticeDocument> notices = new ArrayList<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:notices/*.yaml");
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      for (Resource file : files) {
        try (InputStream input = file.getInputStream()) {
          notices.add(validator.validate(read(input)));
        } catch (InvalidNoticeException e) {
          throw new IllegalStateException("Catalog file " + file.getFilename() + " is invalid: " + e.problems(), e);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the notice catalog: " + e.getMessage(), e);
    }
    return notices;
  }
}
