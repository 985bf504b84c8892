package edu.alumni.engine.audit;

import edu.alumni.engine.alumni.Alumnus;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/audit/alumni/{studentNo}}: everything the service holds and did concerning one alumnus, the basis
 * of an answer to an access request (PIPL Art. 45). Times are ISO 8601 with offset.
 *
 * @param registryRecord        the record as the registry keeps it now
 * @param segmentMemberships    the alumnus' segments in each run whose memberships are still kept (newest first)
 * @param gifts                 gifts with their tier decision and allocation
 * @param invitations           reunion invitations and RSVPs
 * @param contactReports        visits' contact reports
 * @param visitTriggerStarts    visit cycles the visit trigger started (owner group, run)
 * @param processInstances      the instances concerning the alumnus (visit-, gift- and reunion business keys), with
 *                              the address of each one's timeline
 * @param retention             what is kept how long, in a sentence each
 */
public record AlumnusAudit(String studentNo, String generatedAt, Alumnus registryRecord, String recordCreatedAt,
    String recordUpdatedAt, String lastVisitDate, List<RunMemberships> segmentMemberships, List<GiftEntry> gifts,
    List<InvitationEntry> invitations, List<ContactReportEntry> contactReports,
    List<VisitStartEntry> visitTriggerStarts, List<AuditedInstance> processInstances, List<String> retention) {

  /** The alumnus' memberships in one segmentation run (empty when it was in no segment). */
  public record RunMemberships(long runId, String asOf, String status, String rulesetVersion, String startedAt,
      boolean current, List<SegmentEntry> segments) {
  }

  /** A segment, the rule that put the alumnus in it and the facts that rule matched. */
  public record SegmentEntry(String code, String rule, String facts) {
  }

  public record GiftEntry(String giftRef, BigDecimal amountCny, String giftDate, String fundCode, String channel,
      String recordedAt, TierDecision tierDecision, String allocatedAt) {
  }

  public record TierDecision(String tier, boolean agreementRequired, String rule, String rulesetVersion,
      String facts, String decidedAt, String processInstanceId) {
  }

  public record InvitationEntry(String businessKey, String invitedAt, Boolean attending, Integer guests,
      String answeredAt, String answeredBy) {
  }

  public record ContactReportEntry(String processInstanceId, String taskId, String visitDate, String visitors,
      String contactMethod, String learned, String conveyed, String interests, int monthsUntilNextVisit,
      String filedBy, String filedAt) {
  }

  public record VisitStartEntry(String asOf, String ownerGroup, long segmentationRunId, String processInstanceId) {
  }
}
