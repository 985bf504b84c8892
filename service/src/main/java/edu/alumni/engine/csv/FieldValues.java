package edu.alumni.engine.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON request's fields seen as a row of the matching CSV format: values by column name, errors reported under
 * the request's own field names.
 */
public final class FieldValues implements RowValues {

  private final Map<String, String> valuesByColumn;
  private final Map<String, String> fieldByColumn;
  private final List<ImportError> errors = new ArrayList<>();

  /**
   * @param valuesByColumn the request's values (any text form) by CSV column name
   * @param fieldByColumn  the request's field name for each CSV column, for error messages
   */
  public FieldValues(Map<String, String> valuesByColumn, Map<String, String> fieldByColumn) {
    this.valuesByColumn = valuesByColumn;
    this.fieldByColumn = fieldByColumn;
  }

  @Override
  public String value(String column) {
    String v = valuesByColumn.get(column);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  @Override
  public void reject(String column, String message) {
    String field = fieldByColumn.getOrDefault(column, column);
    errors.add(new ImportError(null, field, message.replace(column, field)));
  }

  @Override
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<ImportError> errors() {
    return List.copyOf(errors);
  }
}
