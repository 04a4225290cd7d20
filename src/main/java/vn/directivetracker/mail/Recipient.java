package vn.directivetracker.mail;

/** Someone a mail goes to: a user (with their choice) or an agency's mailbox ({@code userId} null). */
public record Recipient(String userId, String address, String name, Delivery delivery) {}
