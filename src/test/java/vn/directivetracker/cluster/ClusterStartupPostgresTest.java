package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.access.Roles;
import vn.directivetracker.access.TasklistFilters;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * Two nodes started at the same moment on one fresh PostgreSQL database both come up, and the
 * start-up work (schema, deployment, groups, grants, filters, backfills) is done once; a third node
 * started while they run changes nothing.
 */
class ClusterStartupPostgresTest {

  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseBothComeUpAndDoTheWorkOnce() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      List<ConfigurableApplicationContext> nodes = new ArrayList<>();
      try {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
          starts.add(CompletableFuture.supplyAsync(() -> {
            try {
              together.await();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return AppInstance.start("postgres", AppInstance.postgres(database));
          }));
        }
        for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
          nodes.add(start.join());
        }
        assertThat(nodes).allSatisfy(node -> assertThat(node.isActive()).isTrue());

        try (Connection connection = database.connect()) {
          assertDoneOnce(connection);
          long[] before = counts(connection);

          try (ConfigurableApplicationContext third = AppInstance.start("postgres", AppInstance.postgres(database))) {
            assertThat(third.isActive()).isTrue();
          }
          assertThat(counts(connection)).as("deployments, groups, memberships, grants, filters after a third start")
              .containsExactly(before);
        }
      } finally {
        nodes.forEach(ConfigurableApplicationContext::close);
      }
    }
  }

  private static void assertDoneOnce(Connection connection) throws SQLException {
    // one deployment per process (with its forms) and per DMN not bound to a process
    assertThat(longValue(connection, "select count(*) from ACT_RE_DEPLOYMENT")).as("deployments")
        .isEqualTo(vn.directivetracker.deployment.DeploymentUnits.of(vn.directivetracker.deployment.ModelFiles.fromClasspath()).size());
    assertThat(longValue(connection, "select count(*) from ACT_RE_PROCDEF where KEY_ = 'directive'"))
        .as("versions of the directive process").isEqualTo(1);
    for (String role : List.of(Roles.ADMINISTRATORS, Roles.MANAGERS, Roles.REVIEWERS, Roles.LEADERSHIP,
        Roles.PROCESS_OWNERS)) {
      assertThat(longValue(connection, "select count(*) from ACT_ID_GROUP where ID_ = '" + role + "'"))
          .as("role group %s", role).isEqualTo(1);
    }
    assertThat(longValue(connection, "select count(*) from ACT_ID_GROUP where TYPE_ = 'agency'"))
        .as("agency groups").isGreaterThan(50);
    assertThat(rows(connection, "select GROUP_ID_ || ' ' || RESOURCE_TYPE_ || ' ' || RESOURCE_ID_ from ACT_RU_AUTHORIZATION"
        + " where TYPE_ = 1 and GROUP_ID_ is not null group by GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ having count(*) > 1"))
        .as("group grants held twice").isEmpty();
    assertThat(rows(connection, "select NAME_ from ACT_RU_FILTER group by NAME_ having count(*) > 1"))
        .as("filters held twice").isEmpty();
    assertThat(longValue(connection, "select count(*) from ACT_RU_FILTER where NAME_ = '" + TasklistFilters.MY_AGENCY + "'"))
        .isEqualTo(1);
    assertThat(longValue(connection, "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = '" + Roles.ADMINISTRATORS
        + "' and USER_ID_ = 'admin'")).isEqualTo(1);
  }

  private static long[] counts(Connection connection) throws SQLException {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("ACT_RE_DEPLOYMENT", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION",
        "ACT_RU_FILTER", "ACT_ID_USER", "dt_schema_history")) {
      counts.add(longValue(connection, "select count(*) from " + table));
    }
    return counts.stream().mapToLong(Long::longValue).toArray();
  }

  private static long longValue(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
