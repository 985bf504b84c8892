package edu.alumni.engine.csv;

/**
 * The values of one record being validated, by column name, and the errors found in it: a CSV row, or the fields
 * of a JSON request, so both are held to the same rules.
 */
public interface RowValues {

  /** The trimmed value, or {@code null} when absent or empty ("not given"). */
  String value(String column);

  void reject(String column, String message);

  boolean hasErrors();
}
