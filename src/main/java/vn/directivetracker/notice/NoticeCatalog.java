package vn.directivetracker.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The notices shipped as data ({@code src/main/resources/notices/*.yaml}): the two seed notices
 * every directive of which the system must track. Read with the same validation as an import.
 */
@Component
public class NoticeCatalog {

  /** YAML is a superset of JSON: one reader serves both formats. */
  private static final YAMLMapper READER = new YAMLMapper();

  private final NoticeValidator validator;

  public NoticeCatalog(NoticeValidator validator) {
    this.validator = validator;
  }

  public static JsonNode read(InputStream input) throws IOException {
    return READER.readTree(input);
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
