package vn.directivetracker.mail;

/** What a user chose to receive. */
public enum Delivery {
  /** Each notice as it happens, and the daily digest (the default). */
  IMMEDIATE,
  /** The daily digest only. */
  DIGEST,
  /** No mail. */
  NONE;

  public boolean immediate() {
    return this == IMMEDIATE;
  }

  public boolean digest() {
    return this != NONE;
  }
}
