package edu.alumni.engine.csv;

/** An all-or-nothing import found invalid rows: nothing was written. */
public class ImportRejectedException extends RuntimeException {

  private final ImportReport report;

  public ImportRejectedException(ImportReport report) {
    this(report, report.rejected() + " row(s) have errors; nothing was imported. Correct them and import the file "
        + "again, or import with partial=true to write the valid rows only.");
  }

  public ImportRejectedException(ImportReport report, String detail) {
    super(detail);
    this.report = report;
  }

  public ImportReport report() {
    return report;
  }
}
