package edu.alumni.rules;

/** A Drools build message: the rule file, where in it, and what is wrong. */
public record RuleMessage(String file, int line, int column, String level, String text) {
}
