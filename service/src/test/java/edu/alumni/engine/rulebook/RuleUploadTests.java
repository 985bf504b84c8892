package edu.alumni.engine.rulebook;

import static edu.alumni.engine.segment.SegmentDataSet.D;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.segment.SegmentDataSet;
import edu.alumni.engine.segment.SegmentTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Managers upload new versions of the segment rules over HTTP: a file that does not compile or breaks the catalogue
 * is refused with where and why, changing nothing; a good one is the next run's rule set; an earlier version can be
 * made active again. Only managers (and administrators) change rules or start runs.
 */
@Tag("database")
class RuleUploadTests extends SegmentTestSupport {

  static final String MANAGER = "rules-manager";
  static final String AUDITOR = "rules-auditor";
  static final String COORDINATOR = "rules-coordinator";
  static final String PASSWORD = "rules-pw";
  static final String SHIPPED = BuiltInRules.text(BuiltInRules.SEGMENTS);
  static final String LYBUNT_RULE = "Gave last year, not this year: LYBUNT";

  @BeforeEach
  void freshRuleBookAndRegistry() {
    cleanSegmentation();
    resetRules();
    importDataSet();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS);
  }

  @AfterEach
  void restore() {
    deleteUser(MANAGER);
    deleteUser(AUDITOR);
    deleteUser(COORDINATOR);
    resetRules();
  }

  private Response upload(String drl) {
    return put("/api/rules/segments", "text/plain", drl, MANAGER, PASSWORD);
  }

  private String versions() {
    Response r = get("/api/rules/segments/versions", AUDITOR, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  /** A run as of D completes with the given rule set version and the expected memberships. */
  private JsonNode assertRunUses(String version) {
    JsonNode run = completedRun(D);
    assertThat(run.get("rulesetVersion").asText()).isEqualTo(version);
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expectedAtD());
    return run;
  }

  @Test
  void theShippedRulesAreVersionOne() {
    Response r = get("/api/rules", AUDITOR, PASSWORD);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode v = segmentsEntry(r.json());
    assertThat(v.get("name").asText()).isEqualTo("segments");
    assertThat(v.get("versionNo").asInt()).isEqualTo(1);
    assertThat(v.get("uploadedBy").asText()).isEqualTo("built-in");
    assertThat(v.get("active").asBoolean()).isTrue();
    assertThat(v.get("contentHash").asText()).isEqualTo(builtInVersion());
    Response text = get("/api/rules/segments", AUDITOR, PASSWORD);
    assertThat(text.status()).as(text.toString()).isEqualTo(200);
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.body()).isEqualTo(SHIPPED);
    assertRunUses(builtInVersion());
  }

  @Test
  void aFileThatDoesNotParseIsRefusedWithFileLineAndColumn() {
    String broken = SHIPPED.replace("AlumnusFacts( deceased == false, consentContact == false )",
        "AlumnusFacts( deceased == false, consentContact == false ");
    int line = lineOf(SHIPPED, "rule \"No contact consent: DO_NOT_CONTACT\"");

    assertRefusedAt(broken, line, line + 4);
  }

  @Test
  void aFileThatParsesButDoesNotCompileIsRefusedWithFileLineAndColumn() {
    String broken = SHIPPED.replace("return contactable(a) && a.isConsentFundraising();",
        "return contactable(a) && a.noSuchMethod();");
    int line = lineOf(SHIPPED, "function boolean fundraisable(AlumnusFacts a)");

    assertRefusedAt(broken, line, line + 2);
  }

  /** The 1-based line of the first line of {@code text} that contains {@code part}. */
  private static int lineOf(String text, String part) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(part)) {
        return i + 1;
      }
    }
    throw new AssertionError(part);
  }

  /** The upload is refused with an error located between the given lines, and nothing changes. */
  private void assertRefusedAt(String broken, int fromLine, int toLine) {
    assertThat(broken).isNotEqualTo(SHIPPED);
    String before = versions();

    Response r = upload(broken);

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains("do not compile").contains("unchanged");
    JsonNode errors = r.json().get("errors");
    assertThat(errors).as(r.toString()).isNotEmpty();
    errors.forEach(e -> {
      assertThat(e.path("file").asText()).as(r.toString()).isEqualTo(SEGMENTS_PATH);
      assertThat(e.path("message").asText()).as(r.toString()).isNotBlank();
      if (e.has("line")) {
        assertThat(e.get("line").asInt()).as(r.toString()).isPositive();
        assertThat(e.has("column")).as(r.toString()).isTrue();
      }
    });
    // Drools adds line-less follow-up messages ("Parser returned a null Package"); the cause has its place
    assertThat(errors.findValues("line")).as(r.toString())
        .anySatisfy(line -> assertThat(line.asInt()).isBetween(fromLine, toLine));
    assertThat(versions()).isEqualTo(before);
    assertThat(get("/api/rules/segments", AUDITOR, PASSWORD).body()).isEqualTo(SHIPPED);
    assertRunUses(builtInVersion());
  }

  @Test
  void aFileThatDropsASegmentIsRefusedNamingIt() {
    String before = versions();
    int start = SHIPPED.indexOf("rule \"Consent but no e-mail and no phone: LOST\"");
    int end = SHIPPED.indexOf("\nend", start) + "\nend".length();
    assertThat(start).isPositive();
    String withoutLost = SHIPPED.substring(0, start) + SHIPPED.substring(end);
    RuleSet.compile(Map.of(SEGMENTS_PATH, withoutLost)); // it does compile

    Response r = upload(withoutLost);

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains("LOST");
    assertThat(r.json().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("LOST"));
    assertThat(versions()).isEqualTo(before);
    assertRunUses(builtInVersion());
  }

  @Test
  void aGoodFileIsTheNextRunsRuleSetAndVersionOneCanBeMadeActiveAgain() {
    String renamed = "Gave in Y-1, not in Y (lapsing): LYBUNT";
    String changed = SHIPPED.replace("rule \"" + LYBUNT_RULE + "\"", "rule \"" + renamed + "\"")
        + "\n// renamed the LYBUNT rule\n";
    JsonNode oldRun = assertRunUses(builtInVersion());

    Response r = put("/api/rules/segments?comment=clearer%20name", "text/plain", changed, MANAGER, PASSWORD);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String newVersion = versionWithSegments(changed);
    assertThat(r.json().get("name").asText()).isEqualTo("segments");
    assertThat(r.json().get("versionNo").asInt()).isEqualTo(2);
    assertThat(r.json().get("active").asBoolean()).isTrue();
    assertThat(r.json().get("uploadedBy").asText()).isEqualTo(MANAGER);
    assertThat(r.json().get("contentHash").asText()).isEqualTo(newVersion);
    assertThat(r.json().get("commentText").asText()).isEqualTo("clearer name");
    // the text round-trips, Chinese executive words included
    assertThat(get("/api/rules/segments", AUDITOR, PASSWORD).body()).isEqualTo(changed);
    assertThat(get("/api/rules/segments/versions/1", AUDITOR, PASSWORD).body()).isEqualTo(SHIPPED);
    assertThat(segmentsEntry(get("/api/rules", AUDITOR, PASSWORD).json()).get("versionNo").asInt()).isEqualTo(2);
    JsonNode all = get("/api/rules/segments/versions", AUDITOR, PASSWORD).json();
    assertThat(all.findValuesAsText("versionNo")).containsExactly("2", "1");
    assertThat(all.findValuesAsText("active")).containsExactly("true", "false");

    JsonNode newRun = assertRunUses(newVersion);
    assertThat(newVersion).isNotEqualTo(oldRun.get("rulesetVersion").asText());
    assertThat(members("LYBUNT").values()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.get("ruleName").asText()).isEqualTo(renamed));
    assertThat(members("DONOR").values())
        .allSatisfy(m -> assertThat(m.get("ruleName").asText()).isEqualTo("A gift on or before D: DONOR"));
    assertThat(get("/api/alumni/T-DEC31").json().get("segments").findValuesAsText("rule")).contains(renamed);
    assertThat(newRun.get("id").asLong()).isGreaterThan(oldRun.get("id").asLong());

    Response reactivate = post("/api/rules/segments/versions/1/activate", MANAGER, PASSWORD);

    assertThat(reactivate.status()).as(reactivate.toString()).isEqualTo(200);
    assertThat(reactivate.json().get("versionNo").asInt()).isEqualTo(1);
    assertThat(reactivate.json().get("active").asBoolean()).isTrue();
    assertThat(segmentsEntry(get("/api/rules", AUDITOR, PASSWORD).json()).get("versionNo").asInt()).isEqualTo(1);
    assertThat(get("/api/rules/segments", AUDITOR, PASSWORD).body()).isEqualTo(SHIPPED);
    assertRunUses(builtInVersion());
    assertThat(members("LYBUNT").values())
        .allSatisfy(m -> assertThat(m.get("ruleName").asText()).isEqualTo(LYBUNT_RULE));
  }

  @Test
  void onlyManagersChangeRulesAndStartRuns() {
    long runId = completedRun(D).get("id").asLong();
    String before = versions();

    // auditors read everything, change nothing
    assertThat(get("/api/rules", AUDITOR, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/api/rules/segments/versions", AUDITOR, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/api/segmentation/runs/" + runId, AUDITOR, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/api/segmentation/runs", AUDITOR, PASSWORD).status()).isEqualTo(200);
    assertForbidden(put("/api/rules/segments", "text/plain", SHIPPED + "\n// x\n", AUDITOR, PASSWORD));
    assertForbidden(postRun(D, AUDITOR, PASSWORD));
    assertForbidden(post("/api/rules/segments/versions/1/activate", AUDITOR, PASSWORD));

    // coordinators see members, not runs or rules
    assertForbidden(get("/api/segmentation/runs/" + runId, COORDINATOR, PASSWORD));
    assertForbidden(get("/api/rules", COORDINATOR, PASSWORD));
    assertForbidden(postRun(D, COORDINATOR, PASSWORD));
    assertThat(get("/api/segments/LYBUNT/members", COORDINATOR, PASSWORD).status()).isEqualTo(200);

    // nobody without credentials
    for (Response r : new Response[] {
        get("/api/rules", null, null),
        get("/api/rules/segments", null, null),
        get("/api/segmentation/runs/" + runId, null, null),
        get("/api/segments", null, null),
        put("/api/rules/segments", "text/plain", SHIPPED, null, null),
        postRun(D, null, null)}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
      assertThat(r.isProblem()).as(r.toString()).isTrue();
    }

    assertThat(versions()).isEqualTo(before);
    assertThat(count("segmentation_run")).isEqualTo(1);

    // a manager may start a run
    Response started = postRun(D, MANAGER, PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    JsonNode run = awaitRun(started.json().get("id").asLong());
    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("startedBy").asText()).isEqualTo(MANAGER);
  }

  /** The one active version of the segment rules in GET /api/rules (other rule files may be listed too). */
  private static JsonNode segmentsEntry(JsonNode active) {
    java.util.List<JsonNode> entries = new java.util.ArrayList<>();
    active.forEach(v -> {
      if (v.get("name").asText().equals(BuiltInRules.SEGMENTS)) {
        entries.add(v);
      }
    });
    assertThat(entries).as(active.toString()).hasSize(1);
    return entries.get(0);
  }

  private static void assertForbidden(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
  }
}
