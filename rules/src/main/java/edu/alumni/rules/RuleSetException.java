package edu.alumni.rules;

import java.util.List;

/** A rule set that cannot be used: it does not compile, or it no longer does what the catalogue needs. */
public class RuleSetException extends RuntimeException {

  private final List<RuleMessage> messages;

  public RuleSetException(String message, List<RuleMessage> messages) {
    super(message);
    this.messages = List.copyOf(messages);
  }

  public List<RuleMessage> messages() {
    return messages;
  }
}
