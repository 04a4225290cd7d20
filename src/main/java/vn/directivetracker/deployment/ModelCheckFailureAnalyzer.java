package vn.directivetracker.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the models' problems as one line each instead of a runner's stack trace. */
public class ModelCheckFailureAnalyzer extends AbstractFailureAnalyzer<ModelCheckException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelCheckException cause) {
    return new FailureAnalysis(
        "Nothing was deployed: the process models in " + cause.source() + " have " + cause.problems().size()
            + " problem(s):\n  - " + String.join("\n  - ", cause.problems()),
        "Correct the models named above in Camunda Modeler (check them with --check-models) and start again.",
        cause);
  }
}
