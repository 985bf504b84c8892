package edu.alumni.engine.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Every time the audit shows, as ISO 8601 with milliseconds and the zone offset of the university's time zone
 * ({@code 2026-03-02T10:00:00.000+08:00}): one format for JSON and CSV, whatever the database keeps (Camunda's
 * {@code Date}s, the registry's local times of that zone).
 */
final class AuditTimes {

  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private AuditTimes() {
  }

  static String format(Instant time, ZoneId zone) {
    return time == null ? null : FORMAT.format(time.atZone(zone));
  }

  static String format(Date time, ZoneId zone) {
    return time == null ? null : format(time.toInstant(), zone);
  }

  static Instant instant(Date time) {
    return time == null ? null : time.toInstant();
  }

  /** A registry time (a local time of the university's zone) as an instant. */
  static Instant instant(LocalDateTime local, ZoneId zone) {
    return local == null ? null : local.atZone(zone).toInstant();
  }

  /**
   * A query parameter: an ISO date-time with offset ({@code 2026-03-02T10:00:00+08:00}), a local date-time or a
   * date (both read in the university's zone, a date as its midnight). Null for null or blank.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  static Instant parse(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(t).atZone(zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException("'" + text + "' is not a time; use 2026-03-02, 2026-03-02T10:00 or "
              + "2026-03-02T10:00:00+08:00");
        }
      }
    }
  }
}
