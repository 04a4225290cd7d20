package vn.directivetracker.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.directivetracker.DirectiveTrackerApplication;

/**
 * The whole application in a JVM of its own (the test's class path, as {@code java -cp}), so that a
 * test can kill it as a crash would: {@link #kill()} is SIGKILL, no shutdown hook runs. Its output
 * goes to {@code target/child-nodes/<name>-<n>.log}.
 */
public final class ChildNode implements AutoCloseable {

  private static final String READY = "ReadinessState changed to ACCEPTING_TRAFFIC";

  private final Process process;
  private final Path log;

  private ChildNode(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the app with the given profile and properties and waits until it is ready (readiness
   * ACCEPTING_TRAFFIC: after the start-up work and the job executor's start, not only "Started").
   */
  public static ChildNode start(String name, String profile, Duration timeout, String... properties) throws IOException, InterruptedException {
    Path dir = Path.of("target", "child-nodes");
    Files.createDirectories(dir);
    Path log = dir.resolve(name + "-" + System.currentTimeMillis() + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=" + System.getProperty("user.timezone"),
        "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"),
        DirectiveTrackerApplication.class.getName(),
        "--spring.profiles.active=" + profile, "--server.port=0",
        // the line that says the node is ready: after the start-up work, with the job executor running
        "--logging.level.org.springframework.boot.availability=debug"));
    for (String property : properties) {
      command.add("--" + property);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ChildNode node = new ChildNode(process, log);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!node.output().contains(READY)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " stopped at start-up (exit " + process.exitValue() + "), see " + log.toAbsolutePath());
      }
      if (System.nanoTime() > deadline) {
        node.kill();
        throw new IllegalStateException("node " + name + " not started after " + timeout + ", see " + log.toAbsolutePath());
      }
      Thread.sleep(200);
    }
    return node;
  }

  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  public File logFile() {
    return log.toFile();
  }

  /** SIGKILL, as a crash: waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
