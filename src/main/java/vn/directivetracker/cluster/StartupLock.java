package vn.directivetracker.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node at a time does the start-up work: creating Camunda's schema, deploying, the groups,
 * grants, filters and backfills of the start-up runners. Two nodes starting together on one
 * PostgreSQL database would otherwise both create the schema or the same group and one would exit
 * on a unique constraint. The second node waits, then finds everything done and changes nothing.
 *
 * <p>On PostgreSQL this is a session advisory lock held on one connection from before the engine
 * is built (this plugin's {@code preInit}, first of the plugins) until the application is ready
 * (after every {@code ApplicationRunner}), or until the context closes when start-up fails. On
 * another database (the embedded H2, one node) it does nothing. Flyway takes its own lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** The advisory lock's key: "dt-start" in ASCII, so it does not collide with Flyway's. */
  static final long KEY = 0x64742d7374617274L;
  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private final Duration timeout;
  private Connection held;

  public StartupLock(DataSource dataSource,
      @Value("${directive-tracker.cluster.startup-lock-timeout:10m}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void ready() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  /** Waits until no other node is starting, polling so that no statement outlives the socket timeout. */
  public synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean waited = false;
      while (!tryLock(connection)) {
        if (!waited) {
          log.info("Another node is starting on this database: waiting for it to finish its start-up work");
          waited = true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Another node has held the start-up lock for more than " + timeout
              + " (directive-tracker.cluster.startup-lock-timeout): is a node stuck in its start-up?");
        }
        Thread.sleep(250);
      }
      if (waited) {
        log.info("Start-up lock acquired");
      }
      held = connection;
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      close(connection);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node's start-up", e);
    }
  }

  /** Lets the next node start; the connection goes back to the pool without the lock. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      log.warn("Could not release the start-up lock (released when its connection closes): {}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing to do: the pool discards it
      }
    }
  }
}
