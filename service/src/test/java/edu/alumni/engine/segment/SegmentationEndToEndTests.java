package edu.alumni.engine.segment;

import static edu.alumni.engine.segment.SegmentDataSet.CODES;
import static edu.alumni.engine.segment.SegmentDataSet.D;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A known registry imported through the API, segmented as of a fixed D through the API, every membership read back
 * through the API and compared with the memberships SEGMENTS.md gives, boundaries included (SegmentDataSet).
 */
@Tag("database")
class SegmentationEndToEndTests extends SegmentTestSupport {

  static final String LYBUNT_RULE = "Gave last year, not this year: LYBUNT";
  static final String CONTACT = "consent_contact=true, email=given, phone=none";
  static final String FUNDRAISING = CONTACT + ", consent_fundraising=true";

  JsonNode run;

  @BeforeEach
  void segmentTheDataSetAsOfD() {
    cleanSegmentation();
    resetRules();
    importDataSet();
    run = completedRun(D);
  }

  @Test
  void theHandExpectationsAgreeWithSegmentsMdAndCoverEverySegment() {
    Set<String> expected = SegmentDataSet.expectedAtD();

    assertThat(expected).isEqualTo(SegmentDataSet.expected(D));
    assertThat(SegmentDataSet.countsOf(expected)).allSatisfy((code, count) -> assertThat(count).as(code)
        .isGreaterThanOrEqualTo(2));
  }

  @Test
  void everyMembershipIsExactlyTheExpectedOne() {
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expectedAtD());
  }

  @Test
  void theRunReportsDateVersionCountsAndAlumniEvaluated() {
    assertThat(run.get("asOf").asText()).isEqualTo("2025-06-15");
    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("rulesetVersion").asText()).startsWith("sha256:").hasSize(7 + 64)
        .isEqualTo(builtInVersion());
    assertThat(run.get("alumniEvaluated").asLong()).isEqualTo(SegmentDataSet.people().size());
    assertThat(run.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(run.get("startedBy").asText()).isEqualTo(adminUser);
    assertThat(run.get("current").asBoolean()).isTrue();
    assertThat(run.has("error")).as(run.toString()).isFalse();
    Map<String, Long> counts = new TreeMap<>();
    run.get("segments").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    assertThat(counts).isEqualTo(SegmentDataSet.countsOf(SegmentDataSet.expectedAtD()));

    // the triggers fire after the run: no reunion cohort has 10 members here; every VISIT_DUE alumnus gets a visit
    JsonNode triggered = awaitTriggers(run.get("id").asLong(), 2);
    assertThat(triggered.has("error")).as(triggered.toString()).isFalse();
    assertThat(triggered.get("started").get("reunionPlanning").asInt()).isZero();
    assertThat(triggered.get("started").get("visitCycle").asInt()).isEqualTo(counts.get("VISIT_DUE").intValue());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("visitCycle")
        .processInstanceBusinessKeyLike("visit-T-%").count()).isEqualTo(counts.get("VISIT_DUE"));

    Response list = get("/api/segmentation/runs");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("id").asLong()).isEqualTo(run.get("id").asLong());
  }

  @Test
  void theCatalogueShowsTheCurrentCounts() {
    Response r = get("/api/segments");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, Long> counts = new TreeMap<>();
    r.json().forEach(s -> {
      assertThat(s.get("definition").asText()).isNotBlank();
      assertThat(s.get("currentRunId").asLong()).isEqualTo(run.get("id").asLong());
      counts.put(s.get("code").asText(), s.get("currentCount").asLong());
    });
    assertThat(counts).isEqualTo(SegmentDataSet.countsOf(SegmentDataSet.expectedAtD()));
  }

  @Test
  void membersCarryTheRuleAndTheFactsItMatched() {
    Map<String, JsonNode> lybunt = members("LYBUNT");
    assertThat(lybunt.get("T-DEC31").get("ruleName").asText()).isEqualTo(LYBUNT_RULE);
    assertThat(lybunt.get("T-DEC31").get("facts").asText())
        .isEqualTo("gift in 2024=yes, gift in 2025=no, " + FUNDRAISING);
    assertThat(lybunt.get("T-DEC31").get("name").asText()).isEqualTo("校友T-DEC31");
    assertThat(lybunt.get("T-DEC31").get("graduationYear").asInt()).isEqualTo(2018);
    assertThat(lybunt.values()).allSatisfy(m -> assertThat(m.get("ruleName").asText()).isEqualTo(LYBUNT_RULE));

    Map<String, JsonNode> major = members("MAJOR_GIFT_PROSPECT");
    assertThat(major.get("T-MAX5-IN").get("facts").asText())
        .isEqualTo("maxGiftLast5Years=50000.00 (>= 50000), " + FUNDRAISING);
    assertThat(major.get("T-LG-100000").get("facts").asText())
        .isEqualTo("lifetimeGiving=100000.00 (>= 100000), " + FUNDRAISING);
    assertThat(major.get("T-EXEC-CN").get("facts").asText())
        .isEqualTo("job_title contains '总裁', lifetimeGiving=10000.00 (>= 10000), " + FUNDRAISING);

    Map<String, JsonNode> donors = members("DONOR");
    // the gift after D is in neither the lifetime giving nor the gift years
    assertThat(donors.get("T-AFTER-D-BIG").get("facts").asText())
        .isEqualTo("lifetimeGiving=100.00, giftYears=[2024]");
    assertThat(donors.get("T-LG-99999").get("facts").asText())
        .isEqualTo("lifetimeGiving=99999.99, giftYears=[2010, 2012, 2024]");
    assertThat(donors.get("T-ON-D").get("facts").asText())
        .isEqualTo("lifetimeGiving=200.00, giftYears=[2024, 2025]");

    assertThat(members("ENTERPRISE_PARTNER").get("T-EXEC-EN").get("facts").asText())
        .isEqualTo("job_title contains 'CEO', employer=given, " + CONTACT);
    assertThat(members("REUNION_MILESTONE").get("T-PHONE-ONLY").get("facts").asText())
        .isEqualTo("yearsOut=10, consent_contact=true, email=none, phone=given");
    assertThat(members("VISIT_DUE").get("T-VISIT-365").get("facts").asText())
        .isEqualTo("because DISTINGUISHED, lastVisitDate=2024-06-15, " + CONTACT);
  }

  @Test
  void theAlumnusRecordListsItsSegmentsWithExplanations() {
    Response r = get("/api/alumni/T-LG-100000");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, JsonNode> segments = new LinkedHashMap<>();
    r.json().get("segments").forEach(s -> segments.put(s.get("code").asText(), s));
    assertThat(segments).containsOnlyKeys("DONOR", "LYBUNT", "MAJOR_GIFT_PROSPECT", "VISIT_DUE");
    assertThat(segments.get("MAJOR_GIFT_PROSPECT").get("rule").asText())
        .isEqualTo("Fundraisable with major gift capacity: MAJOR_GIFT_PROSPECT");
    assertThat(segments.get("MAJOR_GIFT_PROSPECT").get("facts").asText())
        .isEqualTo("lifetimeGiving=100000.00 (>= 100000), " + FUNDRAISING);
    assertThat(segments.get("VISIT_DUE").get("rule").asText())
        .isEqualTo("Contactable prospect, distinguished or partner not visited for a year: VISIT_DUE");
    assertThat(segments.get("VISIT_DUE").get("facts").asText())
        .isEqualTo("because MAJOR_GIFT_PROSPECT, lastVisitDate=none, " + CONTACT);
    assertThat(segments.get("DONOR").get("facts").asText())
        .isEqualTo("lifetimeGiving=100000.00, giftYears=[2010, 2012, 2024]");
    segments.values().forEach(s -> {
      assertThat(s.get("runId").asLong()).isEqualTo(run.get("id").asLong());
      assertThat(s.get("asOf").asText()).isEqualTo("2025-06-15");
      assertThat(s.get("rulesetVersion").asText()).isEqualTo(run.get("rulesetVersion").asText());
    });

    Response honours = get("/api/alumni/T-HONORS-DNC");
    assertThat(honours.status()).as(honours.toString()).isEqualTo(200);
    Map<String, String> rules = new TreeMap<>();
    honours.json().get("segments").forEach(s -> rules.put(s.get("code").asText(), s.get("rule").asText() + " | "
        + s.get("facts").asText()));
    assertThat(rules).containsExactly(
        Map.entry("DISTINGUISHED", "Honours recorded: DISTINGUISHED | honors=given"),
        Map.entry("DO_NOT_CONTACT", "No contact consent: DO_NOT_CONTACT | consent_contact=false"));

    Response deceased = get("/api/alumni/T-DECEASED");
    assertThat(deceased.status()).as(deceased.toString()).isEqualTo(200);
    assertThat(deceased.json().get("segments")).isEmpty();
  }

  @Test
  void theAlumniListFiltersByCurrentSegment() {
    for (String code : List.of("LYBUNT", "lybunt", "SYBUNT", "VISIT_DUE")) {
      Set<String> listed = new TreeSet<>();
      Response r = get("/api/alumni?segment=" + code + "&size=200");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      r.json().get("content").forEach(a -> listed.add(a.get("studentNo").asText()));
      assertThat(r.json().get("totalElements").asLong()).isEqualTo(listed.size());
      assertThat(listed).as(code).containsExactlyElementsOf(
          SegmentDataSet.membersOf(SegmentDataSet.expectedAtD(), code.toUpperCase()));
    }
    Response both = get("/api/alumni?segment=LYBUNT&q=T-LG");
    assertThat(both.status()).as(both.toString()).isEqualTo(200);
    assertThat(both.json().get("content").findValuesAsText("studentNo")).containsExactly("T-LG-100000",
        "T-LG-99999");

    Response unknown = get("/api/alumni?segment=NOPE");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.isProblem()).isTrue();
  }

  @Test
  void everyCodeOfTheCatalogueIsReadable() {
    for (String code : CODES) {
      Response r = get("/api/segments/" + code.toLowerCase() + "/members");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
    Response unknown = get("/api/segments/NOPE/members");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
  }
}
