package vn.directivetracker.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.directivetracker.lifecycle.DirectiveStatusPlugin;
import vn.directivetracker.lifecycle.DirectiveVariables;

/**
 * Keeps {@code dt_directive_state} in step with the engine: it listens to the engine's history
 * events of {@code directive} instances (start, end, every change of a reported variable) and
 * writes the changed columns once per transaction, just before it commits. Only the columns a
 * transaction changed are written, so two steps of one directive running side by side (the lead's
 * report and a coordinator's contribution) never overwrite each other's facts.
 */
@Component
public class DirectiveStateRecorder extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** Reported variables and their columns. */
  static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry(DirectiveVariables.NOTICE_NUMBER, "notice_number"),
      Map.entry(DirectiveVariables.ITEM_REF, "item_ref"),
      Map.entry(DirectiveVariables.DIRECTIVE_TEXT, "directive_text"),
      Map.entry(DirectiveVariables.LEAD_AGENCY, "lead_agency"),
      Map.entry(DirectiveVariables.LEAD_AGENCY_NAME, "lead_agency_name"),
      Map.entry(DirectiveVariables.COORDINATING_AGENCIES_TEXT, "coordinating_agencies"),
      Map.entry(DirectiveVariables.STANDING_OFFICE, "standing_office"),
      Map.entry(DirectiveVariables.KEY_TASK, "key_task"),
      Map.entry(DirectiveVariables.DEADLINE_KIND, "deadline_kind"),
      Map.entry(DirectiveVariables.DEADLINE_PHRASE, "deadline_phrase"),
      Map.entry(DirectiveVariables.DEADLINE_DATE, "stated_deadline"),
      Map.entry(DirectiveVariables.ORIGINAL_DEADLINE, "original_deadline"),
      Map.entry(DirectiveVariables.DEADLINE, "deadline"),
      Map.entry(DirectiveVariables.ACKNOWLEDGED_AT, "acknowledged_at"),
      Map.entry(DirectiveVariables.COMPLETION_SUBMITTED_AT, "completion_submitted_at"),
      Map.entry(DirectiveVariables.COMPLETED_AT, "completed_at"),
      Map.entry(DirectiveVariables.CLOSED_AT, "closed_at"),
      Map.entry(DirectiveVariables.LAST_MONTHLY_REPORT_AT, "last_monthly_report_at"),
      Map.entry(DirectiveVariables.MONTHLY_REPORT_LOG, "last_monthly_report"));

  private final DirectiveStateRepository repository;

  public DirectiveStateRecorder(@Lazy DirectiveStateRepository repository) {
    this.repository = repository;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(this);
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return PendingChanges.class;
      }

      @Override
      public Session openSession() {
        PendingChanges pending = new PendingChanges();
        // after the engine has flushed its own entities, inside the same transaction
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTING, context -> repository.apply(pending.changes()));
        return pending;
      }
    });
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!DirectiveStatusPlugin.PROCESS_KEY.equals(event.getProcessDefinitionKey()) || event.getProcessInstanceId() == null) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      onVariable(variable);
    } else if (event instanceof HistoricProcessInstanceEventEntity instance) {
      onInstance(instance);
    }
  }

  private void onVariable(HistoricVariableUpdateEventEntity event) {
    String column = COLUMNS.get(event.getVariableName());
    // process-level variables only: a task-local or sub-scope variable of the same name is not the directive's
    if (column == null || event.getTaskId() != null
        || !event.getProcessInstanceId().equals(event.getScopeActivityInstanceId())) {
      return;
    }
    boolean deleted = HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(event.getEventType());
    Object value = deleted ? null : columnValue(column, engineValue(event));
    Change change = pending().of(event.getProcessInstanceId());
    change.columns.put(column, value);
    if ("deadline".equals(column) && value != null) {
      change.deadlines.put(new Timestamp(event.getTimestamp().getTime()), (Timestamp) value);
    }
  }

  private void onInstance(HistoricProcessInstanceEventEntity event) {
    Change change = pending().of(event.getProcessInstanceId());
    if (event.getBusinessKey() != null) {
      change.columns.put("business_key", event.getBusinessKey());
    }
    if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType())) {
      change.columns.put("started_at", timestamp(event.getStartTime()));
    } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
      change.columns.put("ended_at", timestamp(event.getEndTime()));
      // withdrawn (deleted) directives leave the reports; completed and closed ones stay
      change.columns.put("cancelled",
          HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(event.getState()) || event.getDeleteReason() != null
              && !HistoricProcessInstance.STATE_COMPLETED.equals(event.getState()));
    }
  }

  /** A variable's value (as the engine returns it) in its column's type. */
  static Object columnValue(String column, Object value) {
    if (value == null) {
      return null;
    }
    return switch (column) {
      case "key_task" -> Boolean.TRUE.equals(value);
      case "stated_deadline" -> value.toString().isBlank() ? null : java.sql.Date.valueOf(LocalDate.parse(value.toString()));
      case "original_deadline", "deadline", "acknowledged_at", "completion_submitted_at", "completed_at", "closed_at",
          "last_monthly_report_at" -> value instanceof Date date ? new Timestamp(date.getTime()) : null;
      case "last_monthly_report" -> lastLine(value.toString());
      default -> value.toString();
    };
  }

  /** The value an update event carries, as the engine would return it (the types the reported variables have). */
  private static Object engineValue(HistoricVariableUpdateEventEntity event) {
    return switch (String.valueOf(event.getSerializerName())) {
      case "date" -> event.getLongValue() == null ? null : new Date(event.getLongValue());
      case "boolean" -> event.getLongValue() == null ? null : event.getLongValue() != 0;
      default -> event.getTextValue();
    };
  }

  static String lastLine(String log) {
    if (log == null || log.isBlank()) {
      return null;
    }
    String last = log.substring(log.lastIndexOf('\n') + 1);
    return last.length() > 4000 ? last.substring(0, 3999) + "…" : last;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static PendingChanges pending() {
    return Context.getCommandContext().getSession(PendingChanges.class);
  }

  /** What one directive's row gets from one transaction. */
  static final class Change {
    final Map<String, Object> columns = new LinkedHashMap<>();
    /** effective from → deadline */
    final Map<Timestamp, Timestamp> deadlines = new LinkedHashMap<>();
  }

  /** The changes of one command, per process instance; an engine session so it lives as long as the command. */
  static final class PendingChanges implements Session {
    private final Map<String, Change> byInstance = new LinkedHashMap<>();

    Change of(String processInstanceId) {
      return byInstance.computeIfAbsent(processInstanceId, id -> new Change());
    }

    Map<String, Change> changes() {
      return byInstance;
    }

    @Override
    public void flush() {
      // written at COMMITTING, after the engine's own flush
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
