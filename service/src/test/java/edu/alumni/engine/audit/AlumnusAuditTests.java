package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/audit/alumni/{studentNo}}: an alumnus' segments in every kept run with the rule and facts, gifts
 * with their tier decision and allocation, invitations and RSVPs, contact reports, the visits the trigger started,
 * and the process instances concerning them with their timelines.
 */
@Tag("database")
class AlumnusAuditTests extends AuditTestSupport {

  @BeforeEach
  void registryAndRun() {
    campaign();
  }

  @AfterEach
  void cleanUp() {
    removeCampaign();
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }

  JsonNode audit(String studentNo) {
    Response r = get("/api/audit/alumni/" + studentNo, MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theDistinguishedAlumnusSeesTheSegmentsTheVisitAndItsContactReport() {
    String visit = instanceOf("visit-" + VIP);
    at(t0.plus(Duration.ofMinutes(1)));
    complete(visit, VisitCycle.PLAN_VISIT, StaffGroups.chapter("bj"), BEIJING,
        string(VisitCycle.VAR_VISIT_DATE, today.toString()), string(VisitCycle.VAR_VISITORS, "王秘书长"));
    at(t0.plus(Duration.ofMinutes(2)));
    complete(visit, VisitCycle.FILE_CONTACT_REPORT, StaffGroups.chapter("bj"), BEIJING,
        string(VisitCycle.VAR_VISIT_DATE, today.toString()), string(VisitCycle.VAR_VISITORS, "王秘书长"),
        string(VisitCycle.VAR_METHOD, VisitCycle.METHOD_PHONE),
        string(VisitCycle.VAR_LEARNED, "Busy with a new lab; visit again next year."),
        bool(VisitCycle.VAR_INTEREST_DONATION, false), bool(VisitCycle.VAR_INTEREST_RECRUITMENT, false),
        bool(VisitCycle.VAR_INTEREST_MENTORING, false), bool(VisitCycle.VAR_INTEREST_SPEAKER, false),
        number(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 12));
    // a second run for the same day starts nothing new and adds a second set of memberships
    long secondRun = runSegmentation(null, MANAGER, PASSWORD).get("id").asLong();

    JsonNode audit = audit(VIP.toLowerCase());

    assertThat(audit.get("studentNo").asText()).isEqualTo(VIP);
    assertThat(audit.get("registryRecord").get("name").asText()).isEqualTo("李杰出");
    assertThat(audit.get("lastVisitDate").asText()).isEqualTo(today.toString());
    assertThat(audit.get("generatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00");

    // memberships over time: both runs, newest first, with the rule and the facts of each segment
    JsonNode runs = audit.get("segmentMemberships");
    assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(runs.get(0).get("runId").asLong()).isEqualTo(secondRun);
    assertThat(runs.get(0).get("current").asBoolean()).isTrue();
    assertThat(runs.get(1).get("runId").asLong()).isEqualTo(runId);
    assertThat(runs.get(1).get("current").asBoolean()).isFalse();
    assertThat(runs.get(1).get("asOf").asText()).isEqualTo(today.toString());
    assertThat(runs.get(1).get("rulesetVersion").asText()).startsWith("sha256:");
    assertThat(texts(runs.get(1).get("segments"), "code")).containsExactly("DISTINGUISHED", "VISIT_DUE");
    JsonNode visitDue = runs.get(1).get("segments").get(1);
    assertThat(visitDue.get("rule").asText()).isNotBlank();
    assertThat(visitDue.get("facts").asText()).contains("lastVisitDate=none");
    // the visit filed a visit date: in the second run the alumnus is no longer due
    assertThat(texts(runs.get(0).get("segments"), "code")).containsExactly("DISTINGUISHED");

    JsonNode started = audit.get("visitTriggerStarts");
    assertThat(started).hasSize(1);
    assertThat(started.get(0).get("ownerGroup").asText()).isEqualTo(StaffGroups.chapter("bj"));
    assertThat(started.get(0).get("segmentationRunId").asLong()).isEqualTo(runId);
    assertThat(started.get(0).get("processInstanceId").asText()).isEqualTo(visit);

    JsonNode reports = audit.get("contactReports");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).get("contactMethod").asText()).isEqualTo(VisitCycle.METHOD_PHONE);
    assertThat(reports.get(0).get("filedBy").asText()).isEqualTo(BEIJING);
    assertThat(reports.get(0).get("filedAt").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(2))));
    assertThat(reports.get(0).get("processInstanceId").asText()).isEqualTo(visit);

    JsonNode instances = audit.get("processInstances");
    assertThat(texts(instances, "businessKey")).containsExactly("visit-" + VIP);
    assertThat(instances.get(0).get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_SEGMENTATION_TRIGGER);
    assertThat(instances.get(0).get("timeline").asText())
        .isEqualTo("/api/audit/process-instances/" + visit + "/timeline");
    assertThat(audit.get("gifts")).isEmpty();
    assertThat(audit.get("invitations")).isEmpty();
    assertThat(audit.get("retention").toString()).contains("last 5 runs").contains("historyTimeToLive");
  }

  @Test
  void theDonorSeesTheGiftItsTierDecisionAllocationAndStewardship() {
    at(t0.plus(Duration.ofMinutes(1)));
    Response gift = postJson("/api/gifts", "{\"giftRef\": \"AU-G9\", \"studentNo\": \"" + DONOR + "\", "
        + "\"amountCny\": 12000.00, \"giftDate\": \"" + today + "\", \"fundCode\": \"scholarship\"}", FINANCE,
        PASSWORD);
    assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
    String id = gift.json().get("processInstanceId").asText();
    at(t0.plus(Duration.ofMinutes(2)));
    complete(id, DonationStewardship.ISSUE_RECEIPT, StaffGroups.FOUNDATION_FINANCE, FINANCE,
        string(DonationStewardship.VAR_RECEIPT_NO, "JZ-1"));
    complete(id, DonationStewardship.ACKNOWLEDGE_GIFT, StaffGroups.FOUNDATION, FOUNDATION,
        string("acknowledgementMethod", "EMAIL"));

    JsonNode audit = audit(DONOR);

    JsonNode gifts = audit.get("gifts");
    assertThat(gifts).hasSize(1);
    assertThat(gifts.get(0).get("giftRef").asText()).isEqualTo("AU-G9");
    assertThat(gifts.get(0).get("amountCny").decimalValue()).isEqualByComparingTo("12000");
    assertThat(gifts.get(0).get("fundCode").asText()).isEqualTo("scholarship");
    JsonNode tier = gifts.get(0).get("tierDecision");
    assertThat(tier.get("tier").asText()).isEqualTo(DonationStewardship.TIER_LEADERSHIP);
    assertThat(tier.get("agreementRequired").asBoolean()).isFalse();
    assertThat(tier.get("rule").asText()).contains("LEADERSHIP");
    assertThat(tier.get("facts").asText()).contains("amount=12000.00");
    assertThat(tier.get("decidedAt").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(1))));
    assertThat(tier.get("processInstanceId").asText()).isEqualTo(id);
    assertThat(gifts.get(0).get("allocatedAt").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(2))));

    JsonNode instances = audit.get("processInstances");
    assertThat(texts(instances, "businessKey")).containsExactly("gift-AU-G9");
    assertThat(instances.get(0).get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_GIFT_RECORDED);
    assertThat(instances.get(0).get("state").asText()).isEqualTo("ACTIVE");
    // the run came before the gift: the donor was in no segment then
    assertThat(audit.get("segmentMemberships").get(0).get("segments")).isEmpty();
  }

  @Test
  void aClassmateSeesTheMilestoneSegmentTheInvitationAndTheReunion() {
    String reunion = instanceOf(reunionKey);
    at(t0.plus(Duration.ofMinutes(1)));
    complete(reunion, ReunionPlanning.FORM_COMMITTEE, StaffGroups.college("lit"), LIT);
    complete(reunion, ReunionPlanning.DRAFT_PLAN, StaffGroups.college("lit"), LIT,
        string(ReunionPlanning.VAR_EVENT_DATE, today.plusWeeks(8).toString()), number(ReunionPlanning.VAR_BUDGET, 1000));
    complete(reunion, ReunionPlanning.APPROVE_PLAN, StaffGroups.MANAGERS, MANAGER,
        bool(ReunionPlanning.VAR_APPROVED, true));
    at(t0.plus(Duration.ofMinutes(2)));
    Response rsvp = postJson("/api/reunions/" + reunionKey + "/rsvps",
        "{\"studentNo\": \"AU-LIT-03\", \"attending\": false, \"guests\": 0}", LIT, PASSWORD);
    assertThat(rsvp.status()).as(rsvp.toString()).isEqualTo(200);

    JsonNode audit = audit("AU-LIT-03");

    JsonNode segments = audit.get("segmentMemberships").get(0).get("segments");
    assertThat(texts(segments, "code")).containsExactly("REUNION_MILESTONE");
    assertThat(segments.get(0).get("facts").asText()).contains("yearsOut=10");
    JsonNode invitations = audit.get("invitations");
    assertThat(invitations).hasSize(1);
    assertThat(invitations.get(0).get("businessKey").asText()).isEqualTo(reunionKey);
    assertThat(invitations.get(0).get("invitedAt").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(1))));
    assertThat(invitations.get(0).get("attending").asBoolean()).isFalse();
    assertThat(invitations.get(0).get("answeredAt").asText()).isNotEmpty();
    assertThat(invitations.get(0).get("answeredBy").asText()).isEqualTo(LIT);
    assertThat(texts(audit.get("processInstances"), "businessKey")).containsExactly(reunionKey);
    assertThat(texts(audit.get("processInstances"), "id")).containsExactly(reunion);
  }

  @Test
  void anUnknownAlumnusIsNotFound() {
    Response r = get("/api/audit/alumni/AU-NOBODY", MANAGER, PASSWORD);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains("AU-NOBODY");
  }
}
