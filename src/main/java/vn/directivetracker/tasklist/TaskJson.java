package vn.directivetracker.tasklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Tasklist's "set follow-up date" and "set due date" send the whole task back to
 * {@code PUT /task/{id}}, as {@code GET /task/{id}} gave it, including {@code camundaFormRef}.
 * Camunda's {@link TaskDto} types that property as an interface, so Jackson refused every task with a
 * {@code camunda:formRef} ("Cannot construct instance of CamundaFormRef"). The property is output
 * only (the engine takes the form from the BPMN, and {@code TaskDto.updateTask} never copies it):
 * here it is read-only, so what a client sends for it is dropped (the fix Operaton made upstream,
 * operaton/operaton#3659).
 *
 * <p>Both doors get it: the engine REST API ({@code /engine-rest}) and the webapps' copy that
 * Tasklist calls ({@code /camunda/api/engine}) are Jersey applications of their own, built from
 * Camunda's Application classes; Jersey registers this with every server application it starts
 * (listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}).
 */
public class TaskJson implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
        && !context.getConfiguration().isRegistered(TaskReader.class)) {
      context.register(TaskReader.class);
    }
  }

  /**
   * Reads a task sent to {@code PUT /task/{id}} or {@code POST /task/create} with Camunda's REST
   * ObjectMapper settings ({@link JacksonConfigurator}) and the form reference read-only. JAX-RS picks
   * the reader of the nearest type, so this one wins over Camunda's reader of any object.
   */
  @Provider
  @Consumes(MediaType.APPLICATION_JSON)
  public static class TaskReader implements MessageBodyReader<TaskDto> {

    private static final ObjectReader READER = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
        .addMixIn(TaskDto.class, ReadOnlyFormRef.class).readerFor(TaskDto.class);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == TaskDto.class;
    }

    @Override
    public TaskDto readFrom(Class<TaskDto> type, Type genericType, Annotation[] annotations, MediaType mediaType,
        MultivaluedMap<String, String> headers, InputStream body) throws IOException {
      return READER.readValue(body);
    }
  }

  @JsonIgnoreProperties(value = "camundaFormRef", allowGetters = true)
  abstract static class ReadOnlyFormRef {}
}
