package edu.alumni.engine.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A timeline as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads Chinese text as UTF-8), a header
 * row, every field in double quotes (quotes doubled, commas and line breaks kept inside), lines ending CRLF (RFC
 * 4180). The event's particulars go into the last column as JSON.
 */
final class TimelineCsv {

  static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  static final List<String> HEADER = List.of("seq", "time", "type", "actor", "activityId", "activityName",
      "taskId", "summary", "data");

  private TimelineCsv() {
  }

  static byte[] write(Timeline timeline) {
    StringBuilder csv = new StringBuilder(256 + timeline.events().size() * 256);
    row(csv, HEADER);
    for (TimelineEvent e : timeline.events()) {
      row(csv, java.util.Arrays.asList(Integer.toString(e.seq()), e.time(), e.type().name(), e.actor(),
          e.activityId(), e.activityName(), e.taskId(), e.summary(), e.data() == null ? null : e.data().toString()));
    }
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, withBom, 0, BOM.length);
    System.arraycopy(text, 0, withBom, BOM.length, text.length);
    return withBom;
  }

  private static void row(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append('"').append(cell(fields.get(i)).replace("\"", "\"\"")).append('"');
    }
    csv.append("\r\n");
  }

  /**
   * A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage return before one) as a formula, also
   * from a quoted CSV field: such text (a variable value a user typed, say) gets a leading apostrophe, which shows
   * the text as it is instead of running it (OWASP "CSV injection"). Plain numbers stay numbers.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && !value.matches("[+-]?[0-9]+([.][0-9]+)?") ? "'" + value : value;
  }
}
