package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.alumni.engine.csv.CsvReader;
import edu.alumni.engine.csv.CsvRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV form of a timeline, as a spreadsheet opens it. */
class TimelineCsvTests {

  static final String TRICKY = "他说: \"你好, 校友\"\n第二行, end";

  static Timeline timeline(TimelineEvent... events) {
    AuditedInstance instance = new AuditedInstance("pi-1", "visitCycle", "Visit", 1, "visit-S1",
        "2026-03-02T10:00:00.000+08:00", null, null, "ACTIVE", "u1", AuditedInstance.CAUSE_USER, null, null,
        "/api/audit/process-instances/pi-1/timeline");
    return new Timeline(instance, events.length, List.of(events));
  }

  static TimelineEvent event(int seq, String actor, String activityName, String summary) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("name", "objectives").put("newValue", TRICKY);
    data.putNull("oldValue");
    return new TimelineEvent(seq, "2026-03-02T10:00:00.000+08:00", EventType.VARIABLE_CHANGED, actor, "planVisit",
        activityName, "task-1", summary, data);
  }

  @Test
  void utf8WithBomAHeaderEveryFieldQuotedAndCrlfLineEnds() {
    byte[] csv = TimelineCsv.write(timeline(event(1, "u1", "Plan the visit", "objectives set")));

    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\"seq\",\"time\",\"type\",\"actor\",\"activityId\",\"activityName\",\"taskId\","
        + "\"summary\",\"data\"\r\n");
    assertThat(text).startsWith(String.join(",", TimelineCsv.HEADER.stream().map(h -> "\"" + h + "\"").toList()));
    assertThat(text).contains("\r\n\"1\",\"2026-03-02T10:00:00.000+08:00\",\"VARIABLE_CHANGED\",\"u1\",\"planVisit\","
        + "\"Plan the visit\",\"task-1\",\"objectives set\",\"{");
    assertThat(text).endsWith("}\"\r\n");
  }

  @Test
  void commasQuotesLineBreaksAndChineseComeBackAsTheyWere() throws Exception {
    TimelineEvent tricky = event(1, null, "拜访计划, \"初稿\"", TRICKY);
    byte[] csv = TimelineCsv.write(timeline(tricky, event(2, "u2", "b", "c")));

    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(csv))) {
      assertThat(reader.next().fields()).isEqualTo(TimelineCsv.HEADER);
      CsvRecord first = reader.next();
      assertThat(first.fields()).containsExactly("1", tricky.time(), "VARIABLE_CHANGED", "", "planVisit",
          "拜访计划, \"初稿\"", "task-1", TRICKY, tricky.data().toString());
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.fields().get(8)))
          .isEqualTo(tricky.data());
      assertThat(reader.next().fields().get(3)).isEqualTo("u2");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void aCellAFormulaWouldStartWithIsShownAsText() {
    assertThat(TimelineCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(TimelineCsv.cell("+1 (555)")).isEqualTo("'+1 (555)");
    assertThat(TimelineCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TimelineCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(TimelineCsv.cell("-12.5")).isEqualTo("-12.5");
    assertThat(TimelineCsv.cell("80000")).isEqualTo("80000");
    assertThat(TimelineCsv.cell("预算 = 8 万")).isEqualTo("预算 = 8 万");
    assertThat(TimelineCsv.cell(null)).isEmpty();

    byte[] csv = TimelineCsv.write(timeline(event(1, null, "=cmd|' /C calc'!A0", "s")));
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains(",\"'=cmd|' /C calc'!A0\",");
  }
}
