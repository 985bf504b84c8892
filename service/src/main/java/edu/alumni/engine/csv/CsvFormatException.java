package edu.alumni.engine.csv;

/** The file is not well-formed CSV (RFC 4180, UTF-8): nothing of it can be trusted, so nothing is imported. */
public class CsvFormatException extends RuntimeException {

  private final long line;

  public CsvFormatException(long line, String message) {
    super(message);
    this.line = line;
  }

  /** Physical line of the file where the problem was found (the header is line 1). */
  public long line() {
    return line;
  }
}
