package edu.alumni.engine.csv;

import java.util.List;
import java.util.Set;

/**
 * What one kind of CSV file means: its columns, how a row becomes a value, the checks that need other rows or the
 * database, and how valid values are written. A new instance serves one import, so it may keep state across chunks.
 *
 * @param <R> the value of one valid row
 */
public interface CsvImportFormat<R> {

  /** Every column the format knows, in the order error messages list them. */
  List<String> columns();

  Set<String> requiredColumns();

  /** Validates one row on its own; returns its value, or {@code null} after {@link CsvRow#reject}. */
  R parse(CsvRow row);

  /**
   * Checks a chunk of parsed rows against each other, earlier rows and the stored data (one query per chunk, not
   * per row). Called in file order during validation; may reject rows or mark them {@link Parsed#skip()}.
   */
  void check(List<Parsed<R>> chunk);

  /** Validation is over: state kept only for {@link #check} can go. */
  default void validated() {
  }

  /** Writes a chunk of valid rows inside the import's transaction, counting what it did. */
  void write(List<R> rows, ImportCounts counts);

  /** A parsed row during validation. */
  final class Parsed<R> {
    private final CsvRow row;
    private final R value;
    private boolean skip;

    Parsed(CsvRow row, R value) {
      this.row = row;
      this.value = value;
    }

    public CsvRow row() {
      return row;
    }

    public R value() {
      return value;
    }

    /** Valid but not to be written (a gift already stored with the same values). */
    public void skip() {
      this.skip = true;
    }

    boolean skipped() {
      return skip;
    }
  }
}
