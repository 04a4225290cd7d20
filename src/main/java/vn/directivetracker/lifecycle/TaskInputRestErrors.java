package vn.directivetracker.lifecycle;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine wraps a task listener's exception in "ENGINE-03051 There was an exception while
 * invoking the TaskListener…". For rejected form values this unwraps it again on the engine REST
 * API: HTTP 400 with the Vietnamese message and the list of problems, which Tasklist shows as is.
 */
@Component
public class TaskInputRestErrors extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineErrors.class);
    register(RestErrors.class);
  }

  /** HTTP 400 for rejected form values anywhere in the cause chain, or null to let Camunda answer. */
  static Response rejectedInput(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof DirectiveInputException input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DirectiveInputException");
        body.put("message", input.getMessage());
        body.put("problems", input.problems());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return null;
  }

  /** Task completion over REST wraps engine exceptions in a RestException ("Cannot complete task …"). */
  @Priority(1)
  public static class RestErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response response = rejectedInput(exception);
      return response != null ? response : camunda.toResponse(exception);
    }
  }

  /** Takes precedence over Camunda's own handler for ProcessEngineException, and defers to it otherwise. */
  @Priority(1)
  public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response response = rejectedInput(exception);
      return response != null ? response : camunda.toResponse(exception);
    }
  }
}
