package vn.directivetracker.reporting;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.lifecycle.DirectiveStatusPlugin;

/**
 * Directives that ran before the read model existed (or whose rows are incomplete) are filled in
 * from the engine's history at start-up, so an upgraded database reports every directive; so are
 * the derived columns of rows from before V3 (and due moments a changed calendar moves).
 */
@Component
@Order(100)
public class DirectiveStateBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DirectiveStateBackfill.class);
  private static final int CHUNK = 200;

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final DirectiveStateRepository repository;
  private final TransactionTemplate transaction;
  private final StatusSnapshotRepository snapshots;

  public DirectiveStateBackfill(JdbcTemplate jdbc, HistoryService history, DirectiveStateRepository repository,
      TransactionTemplate transaction, StatusSnapshotRepository snapshots) {
    this.snapshots = snapshots;
    this.jdbc = jdbc;
    this.history = history;
    this.repository = repository;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    // one query at every start: only the directives without a complete row come back
    List<String> missing = jdbc.queryForList("select p.ID_ from ACT_HI_PROCINST p left join dt_directive_state s"
        + " on s.process_instance_id = p.ID_ where p.PROC_DEF_KEY_ = ? and s.started_at is null", String.class,
        DirectiveStatusPlugin.PROCESS_KEY);
    for (int from = 0; from < missing.size(); from += CHUNK) {
      List<String> chunk = missing.subList(from, Math.min(from + CHUNK, missing.size()));
      transaction.executeWithoutResult(status -> fill(chunk));
    }
    if (!missing.isEmpty()) {
      log.info("Read model of the reports: {} directives filled in from the engine's history", missing.size());
    }
    // the columns the reports sort and search by (V3), for rows from before them; cheap when none is missing
    Integer derived = transaction.execute(status -> repository.fillDerived() + snapshots.fillDerived());
    if (derived != null && derived > 0) {
      log.info("Read model of the reports: due moments, item order and search text filled in for {} rows", derived);
    }
  }

  private void fill(List<String> processInstanceIds) {
    String[] ids = processInstanceIds.toArray(String[]::new);
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(
        java.util.Set.of(ids)).list()) {
      Map<String, Object> columns = rows.computeIfAbsent(instance.getId(), id -> new LinkedHashMap<>());
      columns.put("business_key", instance.getBusinessKey());
      columns.put("started_at", timestamp(instance.getStartTime()));
      columns.put("ended_at", timestamp(instance.getEndTime()));
      columns.put("cancelled", HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState()));
    }
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(DirectiveStateRecorder.COLUMNS.keySet().toArray(String[]::new)).disableCustomObjectDeserialization()
        .list()) {
      // process-level variables only, as the recorder does
      if (variable.getTaskId() == null && variable.getProcessInstanceId().equals(variable.getActivityInstanceId())
          && rows.containsKey(variable.getProcessInstanceId())) {
        String column = DirectiveStateRecorder.COLUMNS.get(variable.getName());
        rows.get(variable.getProcessInstanceId()).put(column, DirectiveStateRecorder.columnValue(column, variable.getValue()));
      }
    }
    Timestamp now = new Timestamp(ClockUtil.now().getTime());
    rows.forEach((id, columns) -> {
      repository.upsert(id, columns, now);
      Object started = columns.get("started_at");
      Object original = columns.get("original_deadline");
      Object deadline = columns.get("deadline");
      // when an extension moved it is not in the history: the original deadline from the start, the current from now
      if (original instanceof Timestamp first && started instanceof Timestamp from) {
        repository.recordDeadline(id, from, first);
      }
      if (deadline instanceof Timestamp current && !deadline.equals(original)) {
        repository.recordDeadline(id, now, current);
      }
    });
  }

  private static Timestamp timestamp(java.util.Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
