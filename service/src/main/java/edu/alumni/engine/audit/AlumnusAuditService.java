package edu.alumni.engine.audit;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusFacts;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.csv.Values;
import edu.alumni.engine.reunion.ReunionMapper;
import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.engine.segment.SegmentationProperties;
import edu.alumni.engine.segment.SegmentationRun;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.engine.visit.ContactReportMapper;
import edu.alumni.rules.segment.Segment;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything concerning one alumnus, for auditors and access requests. */
@Service
public class AlumnusAuditService {

  /** README "What is kept how long", in a sentence each ({@code %d}: the runs whose memberships are kept). */
  static final List<String> RETENTION = List.of(
      "Process history (instances, activities, tasks, variables and their changes, user operations, incidents) is "
          + "removed by Camunda's history cleanup historyTimeToLive days (1825 for the shipped processes) after its "
          + "instance ended (removalTime on each instance); running instances are kept.",
      "Owner decisions, gift tier decisions and visit trigger records are removed the night their instance's "
          + "history is removed.",
      "Segment memberships are kept for the last %d runs only; older runs keep their counts, not who was in them.",
      "The registry record, gifts, fund allocations, invitations and contact reports are kept until they are "
          + "corrected or erased in the registry.");

  private final AlumnusMapper alumni;
  private final SegmentationMapper segmentation;
  private final SegmentationProperties segmentationSettings;
  private final ReunionMapper reunions;
  private final ContactReportMapper contactReports;
  private final AuditMapper audit;
  private final ProcessHistory instances;
  private final HistoryService history;
  private final Clock clock;

  public AlumnusAuditService(AlumnusMapper alumni, SegmentationMapper segmentation,
      SegmentationProperties segmentationSettings, ReunionMapper reunions, ContactReportMapper contactReports,
      AuditMapper audit, ProcessHistory instances, HistoryService history, Clock clock) {
    this.alumni = alumni;
    this.segmentation = segmentation;
    this.segmentationSettings = segmentationSettings;
    this.reunions = reunions;
    this.contactReports = contactReports;
    this.audit = audit;
    this.instances = instances;
    this.history = history;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public AlumnusAudit audit(String requested) {
    String studentNo = Values.key(requested);
    Alumnus alumnus = alumni.selectByStudentNo(studentNo);
    if (alumnus == null) {
      throw new NotFoundException("No alumnus with student number " + studentNo + " is in the registry. (Process "
          + "history of an erased alumnus is still found by GET /api/audit/process-instances?studentNo="
          + studentNo + ".)");
    }
    ZoneId zone = clock.getZone();
    AlumnusFacts facts = alumni.selectFactsByStudentNo(studentNo);
    return new AlumnusAudit(studentNo, AuditTimes.format(clock.instant(), zone), alumnus,
        time(facts.createdAt()), time(facts.updatedAt()),
        facts.lastVisitDate() == null ? null : facts.lastVisitDate().toString(), memberships(studentNo),
        gifts(studentNo), invitations(studentNo), contactReports(studentNo), visitStarts(studentNo),
        instances.describe(history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKeyIn(instances.businessKeysOf(studentNo).toArray(String[]::new))
            .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().list()),
        RETENTION.stream().map(r -> r.formatted(segmentationSettings.keepRuns())).toList());
  }

  private String time(LocalDateTime local) {
    return AuditTimes.format(AuditTimes.instant(local, clock.getZone()), clock.getZone());
  }

  /** The runs whose memberships are kept (the newest keep-runs run ids), newest first. */
  private List<AlumnusAudit.RunMemberships> memberships(String studentNo) {
    Long current = segmentation.selectCurrentRunId();
    return segmentation.selectRuns(segmentationSettings.keepRuns()).stream()
        .filter(run -> SegmentationRun.COMPLETED.equals(run.status()))
        .map(run -> new AlumnusAudit.RunMemberships(run.id(), run.asOf().toString(), run.status(),
            run.rulesetVersion(), time(run.startedAt()), Objects.equals(current, run.id()),
            segmentation.selectMembershipsOfStudent(run.id(), studentNo, Segment.codes()).stream()
                .map(m -> new AlumnusAudit.SegmentEntry(m.segmentCode(), m.ruleName(), m.facts())).toList()))
        .toList();
  }

  private List<AlumnusAudit.GiftEntry> gifts(String studentNo) {
    return audit.selectGiftsOfStudent(studentNo).stream().map(g -> new AlumnusAudit.GiftEntry(g.giftRef(),
        g.amountCny(), g.giftDate().toString(), g.fundCode(), g.channel(), time(g.recordedAt()),
        g.tier() == null ? null : new AlumnusAudit.TierDecision(g.tier(), Boolean.TRUE.equals(g.agreementRequired()),
            g.tierRule(), g.tierRulesetVersion(), g.tierFacts(), time(g.tierDecidedAt()),
            g.tierProcessInstanceId()),
        time(g.allocatedAt()))).toList();
  }

  private List<AlumnusAudit.InvitationEntry> invitations(String studentNo) {
    return reunions.selectInvitationsOfStudent(studentNo).stream().map(i -> new AlumnusAudit.InvitationEntry(
        i.businessKey(), time(i.invitedAt()), i.attending(), i.guests(), time(i.answeredAt()),
        i.answeredBy())).toList();
  }

  private List<AlumnusAudit.ContactReportEntry> contactReports(String studentNo) {
    return contactReports.selectByStudentNo(studentNo).stream().map(r -> new AlumnusAudit.ContactReportEntry(
        r.processInstanceId(), r.taskId(), r.visitDate().toString(), r.visitors(), r.contactMethod(), r.learned(),
        r.conveyed(), r.interests(), r.monthsUntilNext(), r.filedBy(), time(r.filedAt()))).toList();
  }

  private List<AlumnusAudit.VisitStartEntry> visitStarts(String studentNo) {
    return audit.selectVisitStartsOfStudent(studentNo).stream().map(v -> new AlumnusAudit.VisitStartEntry(
        v.asOf().toString(), v.ownerGroup(), v.runId(), v.processInstanceId())).toList();
  }
}
