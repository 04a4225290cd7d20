package vn.directivetracker.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.directivetracker.support.AppInstance;

class MalformedAgencyFileStartupTest {

  @Test
  void aMalformedAgenciesFileStopsStartUpNamingTheEntry(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("agencies.yaml");
    Files.writeString(file, """
        agencies:
          - code: BCA
            nameEn: Ministry of Public Security
            kind: MINISTRY
            validFrom: 2025-03-01
        """);
    assertThatThrownBy(() -> AppInstance.start(null, "directive-tracker.agencies-file=file:" + file))
        .satisfies(failure -> assertThat(new AgencyRegistryFailureAnalyzer().analyze(failure).getDescription())
            .contains("entry 1 (line 2) BCA: missing name"));
  }
}
