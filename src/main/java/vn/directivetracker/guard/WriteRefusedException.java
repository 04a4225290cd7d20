package vn.directivetracker.guard;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A write the user's role does not allow, refused before anything changed. An authorization failure
 * to the engine's REST API and the webapps, so callers get HTTP 403 with this (Vietnamese) message.
 */
public class WriteRefusedException extends AuthorizationException {

  public WriteRefusedException(String message) {
    super(message);
  }
}
