package vn.directivetracker.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

public class MissingAdminFailureAnalyzer extends AbstractFailureAnalyzer<AdministratorBootstrap.MissingAdminException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AdministratorBootstrap.MissingAdminException cause) {
    return new FailureAnalysis(
        "No administrator configured: " + cause.getMessage() + ".",
        "Set the environment variables DT_ADMIN_USER and DT_ADMIN_PASSWORD (the first administrator's login), "
            + "or run the embedded demo without a profile.",
        cause);
  }
}
