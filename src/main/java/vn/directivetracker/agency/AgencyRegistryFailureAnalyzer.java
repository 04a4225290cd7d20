package vn.directivetracker.agency;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the agencies file's problems as a short list instead of a bean-creation stack trace. */
public class AgencyRegistryFailureAnalyzer extends AbstractFailureAnalyzer<AgencyRegistryException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AgencyRegistryException cause) {
    return new FailureAnalysis(
        "The agencies file " + cause.source() + " is invalid:\n  - " + String.join("\n  - ", cause.problems()),
        "Correct the entries named above (directive-tracker.agencies-file) and start again.",
        cause);
  }
}
