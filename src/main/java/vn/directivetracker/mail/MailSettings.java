package vn.directivetracker.mail;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Mail configuration, from the environment (README, "E-mail notices and the daily digest"). Mail is
 * off when no SMTP host is configured and the demo's own mail server is not running: then nothing is
 * enqueued at all.
 */
@Component
public class MailSettings {

  private final String host;
  private final int port;
  private final boolean startTls;
  private final String username;
  private final String password;
  private final String from;
  private final String baseUrl;
  private final int maxAttempts;
  private final Duration firstRetry;
  private final boolean demoServer;
  private final int demoServerPort;
  private final boolean schedulerEnabled;

  public MailSettings(
      @Value("${directive-tracker.mail.host:}") String host,
      @Value("${directive-tracker.mail.port:25}") int port,
      @Value("${directive-tracker.mail.starttls:false}") boolean startTls,
      @Value("${directive-tracker.mail.username:}") String username,
      @Value("${directive-tracker.mail.password:}") String password,
      @Value("${directive-tracker.mail.from:theodoi@localhost}") String from,
      @Value("${directive-tracker.mail.base-url:http://localhost:8080}") String baseUrl,
      @Value("${directive-tracker.mail.max-attempts:6}") int maxAttempts,
      @Value("${directive-tracker.mail.first-retry:1m}") Duration firstRetry,
      @Value("${directive-tracker.mail.demo-server.enabled:false}") boolean demoServer,
      @Value("${directive-tracker.mail.demo-server.port:3025}") int demoServerPort,
      @Value("${directive-tracker.mail.scheduler-enabled:true}") boolean schedulerEnabled,
      Environment environment) {
    if (maxAttempts < 1 || maxAttempts > 50) {
      throw new IllegalArgumentException("directive-tracker.mail.max-attempts must be 1..50, was " + maxAttempts);
    }
    this.host = host == null ? "" : host.strip();
    this.port = port;
    this.startTls = startTls;
    this.username = username;
    this.password = password;
    this.from = from;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.maxAttempts = maxAttempts;
    this.firstRetry = firstRetry;
    // the demo's own server only ever in the demo profile (the embedded default)
    this.demoServer = demoServer && environment.matchesProfiles("demo");
    this.demoServerPort = demoServerPort;
    this.schedulerEnabled = schedulerEnabled;
  }

  /** Whether mails are enqueued and sent. */
  public boolean enabled() {
    return !host.isEmpty() || demoServer;
  }

  /** The configured host, or the demo's own server on this machine. */
  public String host() {
    return host.isEmpty() && demoServer ? "127.0.0.1" : host;
  }

  public int port() {
    return host.isEmpty() && demoServer ? demoServerPort : port;
  }

  public boolean startTls() {
    return startTls;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public String from() {
    return from;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Wait after the first failure; doubled after each further one. */
  public Duration retryAfter(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 16);
    return firstRetry.multipliedBy(1L << doublings);
  }

  public boolean demoServer() {
    return demoServer;
  }

  public int demoServerPort() {
    return demoServerPort;
  }

  public boolean schedulerEnabled() {
    return schedulerEnabled;
  }

  /** Link that opens a task in Tasklist (or Tasklist itself without a task). */
  public String taskLink(String taskId) {
    return taskId == null ? baseUrl + "/camunda/app/tasklist/default/"
        : baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
