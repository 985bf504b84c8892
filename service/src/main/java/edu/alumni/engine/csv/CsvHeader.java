package edu.alumni.engine.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The header row: column names in any order, each known, the required ones present, none twice. */
public final class CsvHeader {

  private final Map<String, Integer> positions;

  private CsvHeader(Map<String, Integer> positions) {
    this.positions = positions;
  }

  /**
   * Reads the header record and checks it against the format. Problems are returned in {@code errors} (line 1);
   * the header is usable only when that list stays empty.
   */
  public static CsvHeader read(CsvRecord record, List<String> knownColumns, Set<String> requiredColumns,
      List<ImportError> errors) {
    Map<String, Integer> positions = new HashMap<>();
    List<String> fields = record.fields();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        errors.add(new ImportError(record.line(), null, "column " + (i + 1) + " of the header has no name"));
      } else if (!knownColumns.contains(name)) {
        errors.add(new ImportError(record.line(), name, "unknown column '" + name + "'; the columns of this file are: "
            + String.join(", ", knownColumns)));
      } else if (positions.putIfAbsent(name, i) != null) {
        errors.add(new ImportError(record.line(), name, "column '" + name + "' appears twice in the header"));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : knownColumns) {
      if (requiredColumns.contains(required) && !positions.containsKey(required)) {
        missing.add(required);
      }
    }
    for (String column : missing) {
      errors.add(new ImportError(record.line(), column, "required column '" + column + "' is missing from the header"));
    }
    return new CsvHeader(positions);
  }

  int indexOf(String column) {
    Integer i = positions.get(column);
    return i == null ? -1 : i;
  }

  public CsvRow row(CsvRecord record) {
    return new CsvRow(this, record);
  }
}
