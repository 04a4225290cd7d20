package vn.directivetracker.mail;

/** A mail to enqueue: one recipient, rendered, with the key that makes it unique. */
public record OutboxMail(String dedupKey, MailKind kind, Recipient recipient, String subject, String body,
    String processInstanceId, String businessKey, String taskId) {}
