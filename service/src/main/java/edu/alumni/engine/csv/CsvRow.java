package edu.alumni.engine.csv;

import java.util.ArrayList;
import java.util.List;

/** A data record seen through its header: trimmed values by column name, and the errors found in it. */
public final class CsvRow implements RowValues {

  private final CsvHeader header;
  private final CsvRecord record;
  private List<ImportError> errors;

  CsvRow(CsvHeader header, CsvRecord record) {
    this.header = header;
    this.record = record;
  }

  public long line() {
    return record.line();
  }

  /** Whether the file has this column at all (an absent column is not the same as an empty value). */
  public boolean hasColumn(String column) {
    return header.indexOf(column) >= 0;
  }

  public long index() {
    return record.index();
  }

  /** The trimmed value, or {@code null} when the column is absent or the value is empty ("not given"). */
  @Override
  public String value(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      return null;
    }
    String v = record.fields().get(i).strip();
    return v.isEmpty() ? null : v;
  }

  @Override
  public void reject(String column, String message) {
    if (errors == null) {
      errors = new ArrayList<>(2);
    }
    errors.add(new ImportError(record.line(), column, message));
  }

  @Override
  public boolean hasErrors() {
    return errors != null;
  }

  public List<ImportError> errors() {
    return errors == null ? List.of() : errors;
  }
}
