package edu.alumni.engine.csv;

import java.util.Locale;

/** Parsing helpers shared by the CSV formats; each rejects the row with a message a person can act on. */
public final class Values {

  private Values() {
  }

  /** {@code true}/{@code false}/{@code yes}/{@code no}/{@code 1}/{@code 0}, any case; empty means false. */
  public static boolean flag(RowValues row, String column) {
    String v = row.value(column);
    if (v == null) {
      return false;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return true;
      case "false", "no", "0":
        return false;
      default:
        row.reject(column, column + " must be true/false, yes/no or 1/0 (or empty for false), not '" + v + "'");
        return false;
    }
  }

  /** A value of at most {@code max} characters (counted as Unicode code points), or null when not given. */
  public static String text(RowValues row, String column, int max) {
    String v = row.value(column);
    if (v != null && v.codePointCount(0, v.length()) > max) {
      row.reject(column, column + " is " + v.codePointCount(0, v.length()) + " characters long; at most " + max
          + " are allowed");
    }
    return v;
  }

  /**
   * A key (student number, gift reference) in its stored form: upper case, so that keys compare the same on H2
   * and on MySQL's case-insensitive collations ("s2016001" and "S2016001" are one alumnus).
   */
  public static String key(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /** A required value, rejected when empty. */
  public static String required(RowValues row, String column) {
    String v = row.value(column);
    if (v == null) {
      row.reject(column, column + " is required");
    }
    return v;
  }

  /** An integer year within {@code min..max}, or null when not given. */
  public static Integer year(RowValues row, String column, int min, int max) {
    String v = row.value(column);
    if (v == null) {
      return null;
    }
    if (!v.matches("[0-9]{1,4}")) {
      row.reject(column, column + " must be a year such as 2008, not '" + v + "'");
      return null;
    }
    int year = Integer.parseInt(v);
    if (year < min || year > max) {
      row.reject(column, column + " must be between " + min + " and " + max + ", not " + year);
      return null;
    }
    return year;
  }
}
