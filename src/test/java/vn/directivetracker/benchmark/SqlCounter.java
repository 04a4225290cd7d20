package vn.directivetracker.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements and commits the application sends through its connection pool
 * (pg_stat_statements is not loaded on the shared server, and loading it needs a restart). A
 * statement is one execute call or one row added to a JDBC batch. Counts everything, and apart
 * the calls made on one traced thread (a benchmark step run on the test's own thread).
 */
final class SqlCounter {

  private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch");

  final LongAdder statements = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder tracedStatements = new LongAdder();
  final LongAdder tracedCommits = new LongAdder();
  private volatile Thread traced;

  /** Wraps the application's {@code dataSource} bean; register before the context refreshes. */
  BeanPostProcessor postProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
          return new CountingDataSource(dataSource);
        }
        return bean;
      }
    };
  }

  /** Counts the calls of {@code thread} apart, from zero; {@code null} stops (the counts stay readable). */
  void trace(Thread thread) {
    if (thread != null) {
      tracedStatements.reset();
      tracedCommits.reset();
    }
    traced = thread;
  }

  long[] snapshot() {
    return new long[] {statements.sum(), commits.sum()};
  }

  private void statement() {
    statements.increment();
    if (Thread.currentThread() == traced) {
      tracedStatements.increment();
    }
  }

  private void commit() {
    commits.increment();
    if (Thread.currentThread() == traced) {
      tracedCommits.increment();
    }
  }

  private final class CountingDataSource extends DelegatingDataSource {
    CountingDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password));
    }
  }

  private Connection wrap(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(connection, method, args);
      String name = method.getName();
      if (name.equals("commit")) {
        commit();
      } else if (result instanceof CallableStatement statement) {
        return wrapStatement(statement, CallableStatement.class);
      } else if (result instanceof PreparedStatement statement) {
        return wrapStatement(statement, PreparedStatement.class);
      } else if (result instanceof Statement statement && name.equals("createStatement")) {
        return wrapStatement(statement, Statement.class);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private <T extends Statement> Object wrapStatement(T statement, Class<T> type) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (EXECUTES.contains(method.getName())) {
        statement();
      }
      return invoke(statement, method, args);
    };
    return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
