package edu.alumni.engine.alumni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds alumni.csv files for tests: a valid row per student number, any column overridden, RFC 4180 quoting. */
final class AlumniCsv {

  static final List<String> COLUMNS = AlumniCsvFormat.COLUMNS;
  static final List<String> REQUIRED_COLUMNS = List.of("student_no", "name", "college", "degree", "graduation_year");

  private AlumniCsv() {
  }

  /** A valid row with every column given. */
  static Map<String, String> row(String studentNo) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("student_no", studentNo);
    r.put("name", "张三");
    r.put("gender", "M");
    r.put("college", "cs");
    r.put("major", "软件工程");
    r.put("degree", "BACHELOR");
    r.put("enrollment_year", "2010");
    r.put("graduation_year", "2014");
    r.put("class_name", "计科1001班");
    r.put("city", "北京");
    r.put("country", "中国");
    r.put("employer", "华为技术有限公司");
    r.put("industry", "通信");
    r.put("job_title", "工程师");
    r.put("email", "zhang.san@example.cn");
    r.put("phone", "138 0013-8000");
    r.put("honors", "优秀毕业生;国家奖学金");
    r.put("consent_contact", "yes");
    r.put("consent_fundraising", "no");
    r.put("deceased", "0");
    return r;
  }

  static Map<String, String> row(String studentNo, String... columnValuePairs) {
    Map<String, String> r = row(studentNo);
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      r.put(columnValuePairs[i], columnValuePairs[i + 1]);
    }
    return r;
  }

  @SafeVarargs
  static String csv(Map<String, String>... rows) {
    return csv(COLUMNS, List.of(rows));
  }

  static String csv(List<String> columns, List<Map<String, String>> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", columns));
    for (Map<String, String> row : rows) {
      lines.add(String.join(",", columns.stream().map(c -> field(row.get(c))).toList()));
    }
    return String.join("\n", lines) + "\n";
  }

  static String field(String v) {
    if (v == null) {
      return "";
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
