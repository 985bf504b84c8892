package edu.alumni.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import edu.alumni.rules.trigger.TriggerStart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The triggers of SEGMENTS.md after a segmentation run, over HTTP: a known registry imported through the API, runs
 * started and awaited through the API, what each run reports it started, and the instances it really started.
 * Reunion cohorts: 10 REUNION_MILESTONE members of one class start reunionPlanning once; 9 do not. Visits: at most
 * the cap (25, the shipped setting) per owner group and as-of date, by priority; never a second running cycle.
 */
@Tag("database")
class TriggerTests extends HttpTestSupport {

  /** Y = 2024 for both dates; no other test uses them. */
  static final LocalDate D1 = LocalDate.of(2024, 9, 2);
  static final LocalDate D2 = LocalDate.of(2024, 10, 9);
  static final int CAP = 25;

  static final String MANAGER = "trigger-manager";
  static final String PASSWORD = "trigger-Pw-1";

  static final String REUNION_2014 = "reunion-law-2014-2024";
  static final String REUNION_2004 = "reunion-law-2004-2024";

  RuntimeService runtime;
  HistoryService history;
  TaskService tasks;

  /** An alumni.csv row of these tests. */
  record Alum(String studentNo, String college, int graduationYear, String city, String email,
      boolean consentContact, boolean consentFundraising, String honors, String jobTitle, String employer) {

    String csv() {
      return String.join(",", studentNo, "校友" + studentNo, college, "BACHELOR", String.valueOf(graduationYear),
          nz(city), nz(email), String.valueOf(consentContact), String.valueOf(consentFundraising), nz(honors),
          nz(jobTitle), nz(employer));
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }

  static final String ALUMNI_HEADER = "student_no,name,college,degree,graduation_year,city,email,consent_contact,"
      + "consent_fundraising,honors,job_title,employer";

  static Alum milestone(String studentNo, int graduationYear) {
    return new Alum(studentNo, "law", graduationYear, null, studentNo.toLowerCase() + "@example.cn", true, false,
        null, null, null);
  }

  /** A VISIT_DUE alumnus through DISTINGUISHED (not fundraisable: never a major gift prospect). */
  static Alum distinguished(String studentNo, String city) {
    return new Alum(studentNo, "me", 2001, city, studentNo.toLowerCase() + "@example.cn", true, false, "杰出校友",
        null, null);
  }

  /** A fundraisable alumnus without honours: VISIT_DUE only as a major gift prospect (from its gifts). */
  static Alum prospect(String studentNo, String city) {
    return new Alum(studentNo, "me", 2001, city, studentNo.toLowerCase() + "@example.cn", true, true, null, null,
        null);
  }

  /** The first registry: two law cohorts and the visit candidates of four owner groups. */
  static final List<Alum> ALUMNI = new ArrayList<>();
  /** gift_ref, student_no, amount, date. */
  static final List<String[]> GIFTS = new ArrayList<>();
  /** Imported after the first run: 30 more distinguished alumni in Beijing without gifts. */
  static final List<Alum> MORE = new ArrayList<>();

  static {
    // law, class of 2014 (yearsOut 10 in 2024): ten milestone members and one who may not be contacted
    IntStream.rangeClosed(1, 10).forEach(i -> ALUMNI.add(milestone("TG-L14-%02d".formatted(i), 2014)));
    ALUMNI.add(new Alum("TG-L14-NC", "law", 2014, null, "tg-l14-nc@example.cn", false, false, null, null, null));
    // law, class of 2004 (yearsOut 20): nine milestone members and one without any channel (LOST)
    IntStream.rangeClosed(1, 9).forEach(i -> ALUMNI.add(milestone("TG-L04-%02d".formatted(i), 2004)));
    ALUMNI.add(new Alum("TG-L04-LOST", "law", 2004, null, null, true, false, null, null, null));

    // chapter-bj (Beijing): 27 candidates for 25 places, and one with a visit cycle running already.
    // Major gift prospects first, although their giving is lower and their numbers sort last
    ALUMNI.add(prospect("TG-VZ-M1", "Beijing"));
    gift("TG-G-M1", "TG-VZ-M1", "120000.00", "2023-05-01");
    ALUMNI.add(prospect("TG-VZ-M2", "北京"));
    gift("TG-G-M2", "TG-VZ-M2", "60000.00", "2022-01-01");
    ALUMNI.add(prospect("TG-VZ-M3", "beijing"));
    gift("TG-G-M3", "TG-VZ-M3", "50000.00", "2021-03-01");
    ALUMNI.add(prospect("TG-VZ-R", "Beijing"));
    gift("TG-G-R", "TG-VZ-R", "200000.00", "2023-01-01");
    // then higher lifetime giving: 490,000 down to 290,000
    for (int i = 1; i <= 21; i++) {
      String no = "TG-VG-%02d".formatted(i);
      ALUMNI.add(distinguished(no, "Beijing"));
      gift("TG-G-G%02d".formatted(i), no, (500_000 - i * 10_000) + ".00", "2015-01-01");
    }
    // then, at equal giving (55,000, more than the third prospect's), student_no ascending: one place left
    for (int i = 1; i <= 3; i++) {
      String no = "TG-VT-" + i;
      ALUMNI.add(distinguished(no, "Beijing"));
      gift("TG-G-T" + i, no, "55000.00", "2015-01-01");
    }
    // other owner groups have places of their own
    ALUMNI.add(distinguished("TG-VS-1", "Shanghai"));
    ALUMNI.add(prospect("TG-VM-1", "Beijing"));
    gift("TG-G-VM", "TG-VM-1", "1200000.00", "2020-01-01");
    ALUMNI.add(distinguished("TG-VO-1", null));

    IntStream.rangeClosed(1, 30).forEach(i -> MORE.add(distinguished("TG-VW-%02d".formatted(i), "Beijing")));
  }

  private static void gift(String giftRef, String studentNo, String amount, String date) {
    GIFTS.add(new String[] {giftRef, studentNo, amount, date});
  }

  static String alumniCsv(List<Alum> alumni) {
    StringBuilder b = new StringBuilder(ALUMNI_HEADER).append('\n');
    alumni.forEach(a -> b.append(a.csv()).append('\n'));
    return b.toString();
  }

  static String giftsCsv() {
    StringBuilder b = new StringBuilder("gift_ref,student_no,amount_cny,gift_date,fund_code\n");
    GIFTS.forEach(g -> b.append(String.join(",", g)).append(",general\n"));
    return b.toString();
  }

  /** The chapter-bj candidates the first run starts, in priority order. */
  static List<String> expectedBeijingAtD1() {
    List<String> expected = new ArrayList<>(List.of("TG-VZ-M1", "TG-VZ-M2", "TG-VZ-M3"));
    IntStream.rangeClosed(1, 21).forEach(i -> expected.add("TG-VG-%02d".formatted(i)));
    expected.add("TG-VT-1");
    return expected;
  }

  @BeforeEach
  void knownRegistry() {
    runtime = processEngine.getRuntimeService();
    history = processEngine.getHistoryService();
    tasks = processEngine.getTaskService();
    removeWhatTheseTestsStart();
    cleanRegistry();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    Response alumni = postCsv("/api/alumni/import", alumniCsv(ALUMNI));
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    assertThat(alumni.json().get("imported").asInt()).isEqualTo(ALUMNI.size());
    Response gifts = postCsv("/api/gifts/import", giftsCsv());
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
    assertThat(gifts.json().get("imported").asInt()).isEqualTo(GIFTS.size());
    // historical gifts start nothing
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("donationStewardship")
        .processInstanceBusinessKeyLike("gift-TG-%").count()).isZero();
    // a visit cycle started by hand for a prospect the priority would put first
    runtime.createProcessInstanceByKey(VisitCycle.PROCESS_KEY).businessKey("visit-TG-VZ-R")
        .setVariables(Map.of(VisitCycle.VAR_STUDENT_NO, "TG-VZ-R", VisitCycle.VAR_REASON, "by hand")).execute();
  }

  @AfterEach
  void cleanUp() {
    awaitNoSegmentationRun();
    removeWhatTheseTestsStart();
    removeSegmentationRuns();
    cleanRegistry();
    deleteUser(MANAGER);
  }

  private void removeWhatTheseTestsStart() {
    deleteProcessInstances(VisitCycle.PROCESS_KEY, "visit-TG-%");
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, "reunion-law-%-2024");
    jdbc.update("DELETE FROM visit_trigger_start WHERE student_no LIKE 'TG-%' OR as_of IN (?, ?)", D1, D2);
  }

  // ---- runs over HTTP ----

  /** Starts a run as a manager and waits until it has ended (its triggers included); its report. */
  JsonNode run(LocalDate asOf) {
    JsonNode run = runSegmentation(asOf, MANAGER, PASSWORD);
    assertThat(run.get("asOf").asText()).isEqualTo(asOf.toString());
    assertThat(run.get("alumniEvaluated").asLong()).isEqualTo(count("alumnus"));
    return run;
  }


  private static Map<String, Integer> started(JsonNode run) {
    Map<String, Integer> started = new TreeMap<>();
    run.get("started").fields().forEachRemaining(e -> started.put(e.getKey(), e.getValue().asInt()));
    return started;
  }

  // ---- what is running ----

  /** Business key → number of instances (running or ended) of a process, for our business keys. */
  Map<String, Long> instancesByBusinessKey(String processKey, String businessKeyLike) {
    Map<String, Long> byKey = new TreeMap<>();
    for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKeyLike(businessKeyLike).list()) {
      byKey.merge(p.getBusinessKey(), 1L, Long::sum);
    }
    return byKey;
  }

  /** Student numbers the visit trigger started for D, by owner group. */
  Map<String, TreeSet<String>> startedFor(LocalDate asOf) {
    Map<String, TreeSet<String>> byGroup = new TreeMap<>();
    jdbc.query("SELECT owner_group, student_no FROM visit_trigger_start WHERE as_of = ?", rs -> {
      byGroup.computeIfAbsent(rs.getString(1), g -> new TreeSet<>()).add(rs.getString(2));
    }, asOf);
    return byGroup;
  }

  /** The candidate groups of the open planVisit task of a visit cycle. */
  String planVisitOwner(String studentNo) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(VisitCycle.PROCESS_KEY)
        .processInstanceBusinessKey("visit-" + studentNo).singleResult();
    assertThat(instance).as("visit cycle of " + studentNo).isNotNull();
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(VisitCycle.PLAN_VISIT);
    String decided = jdbc.queryForObject("SELECT candidate_groups FROM owner_decision WHERE task_id = ?",
        String.class, task.getId());
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    assertThat(groups).containsExactly(decided);
    return decided;
  }

  // ---- reunion cohorts ----

  @Test
  void aClassWithTenMilestoneMembersGetsOneReunionAndAClassWithNineNone() {
    JsonNode run = run(D1);

    assertThat(run.get("segments").get("REUNION_MILESTONE").asInt()).isEqualTo(19);
    assertThat(started(run)).containsEntry(ReunionPlanning.PROCESS_KEY, 1);
    assertThat(instancesByBusinessKey(ReunionPlanning.PROCESS_KEY, "reunion-law-%-2024"))
        .containsExactly(Map.entry(REUNION_2014, 1L));

    ProcessInstance reunion = runtime.createProcessInstanceQuery().processDefinitionKey(ReunionPlanning.PROCESS_KEY)
        .processInstanceBusinessKey(REUNION_2014).singleResult();
    assertThat(reunion).isNotNull();
    Map<String, Object> variables = new TreeMap<>(runtime.getVariables(reunion.getId()));
    assertThat(variables).containsExactly(
        Map.entry(ReunionPlanning.VAR_COHORT_SIZE, 10),
        Map.entry(ReunionPlanning.VAR_COLLEGE, "law"),
        Map.entry(ReunionPlanning.VAR_GRADUATION_YEAR, 2014),
        Map.entry(ReunionPlanning.VAR_MILESTONE, 10),
        // for the audit: which run and which trigger rule started it
        Map.entry(TriggerStart.VAR_SEGMENTATION_RUN_ID, run.get("id").asLong()),
        Map.entry(TriggerStart.VAR_TRIGGER_RULE, "Cohort with 10 or more milestone members: start reunion planning"));
    Task formCommittee = tasks.createTaskQuery().processInstanceId(reunion.getId()).singleResult();
    assertThat(formCommittee.getTaskDefinitionKey()).isEqualTo(ReunionPlanning.FORM_COMMITTEE);
    assertThat(tasks.createTaskQuery().taskId(formCommittee.getId()).taskCandidateGroup(StaffGroups.college("law"))
        .count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(REUNION_2004).count()).isZero();
  }

  // ---- visits ----

  @Test
  void visitsStartAtMostTheCapPerOwnerGroupInPriorityOrder() {
    JsonNode run = run(D1);

    assertThat(run.get("segments").get("VISIT_DUE").asInt()).isEqualTo(31);
    assertThat(started(run)).containsEntry(VisitCycle.PROCESS_KEY, CAP + 3);
    Map<String, TreeSet<String>> startedAtD1 = startedFor(D1);
    assertThat(startedAtD1.keySet()).containsExactly(StaffGroups.ALUMNI_OFFICE, StaffGroups.chapter("bj"),
        StaffGroups.chapter("sh"), StaffGroups.MAJOR_GIFTS);
    assertThat(startedAtD1.get(StaffGroups.chapter("bj"))).hasSize(CAP)
        .containsExactlyInAnyOrderElementsOf(expectedBeijingAtD1());
    assertThat(startedAtD1.get(StaffGroups.chapter("sh"))).containsExactly("TG-VS-1");
    assertThat(startedAtD1.get(StaffGroups.MAJOR_GIFTS)).containsExactly("TG-VM-1");
    assertThat(startedAtD1.get(StaffGroups.ALUMNI_OFFICE)).containsExactly("TG-VO-1");

    // the ones started are running, with the variables of PROCESSES.md and the region owner on planVisit
    Map<String, Long> visits = instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%");
    assertThat(visits).hasSize(CAP + 3 + 1).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
    assertThat(visits).doesNotContainKeys("visit-TG-VT-2", "visit-TG-VT-3");
    ProcessInstance m3 = runtime.createProcessInstanceQuery().processInstanceBusinessKey("visit-TG-VZ-M3")
        .singleResult();
    assertThat(runtime.getVariable(m3.getId(), VisitCycle.VAR_STUDENT_NO)).isEqualTo("TG-VZ-M3");
    assertThat((String) runtime.getVariable(m3.getId(), VisitCycle.VAR_REASON)).contains("MAJOR_GIFT_PROSPECT");
    assertThat(runtime.getVariable(m3.getId(), TriggerStart.VAR_SEGMENTATION_RUN_ID))
        .isEqualTo(run.get("id").asLong());
    assertThat(runtime.getVariable(m3.getId(), TriggerStart.VAR_TRIGGER_RULE))
        .isEqualTo("Visit due: start a visit cycle with its region owner");
    assertThat(planVisitOwner("TG-VZ-M3")).isEqualTo(StaffGroups.chapter("bj"));
    assertThat(planVisitOwner("TG-VG-21")).isEqualTo(StaffGroups.chapter("bj"));
    assertThat(planVisitOwner("TG-VS-1")).isEqualTo(StaffGroups.chapter("sh"));
    assertThat(planVisitOwner("TG-VM-1")).isEqualTo(StaffGroups.MAJOR_GIFTS);
    assertThat(planVisitOwner("TG-VO-1")).isEqualTo(StaffGroups.ALUMNI_OFFICE);
  }

  @Test
  void anAlumnusWithARunningVisitCycleGetsNoSecondOne() {
    run(D1);
    run(D2);

    assertThat(instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-VZ-R"))
        .containsExactly(Map.entry("visit-TG-VZ-R", 1L));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM visit_trigger_start WHERE student_no = 'TG-VZ-R'",
        Long.class)).isZero();
    // nor does anyone started at D1 get another at D2
    assertThat(instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%"))
        .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
    assertThat(startedFor(D2).get(StaffGroups.chapter("bj"))).containsExactly("TG-VT-2", "TG-VT-3");
    assertThat(startedFor(D2)).doesNotContainKeys(StaffGroups.chapter("sh"), StaffGroups.MAJOR_GIFTS,
        StaffGroups.ALUMNI_OFFICE);
  }

  // ---- idempotency ----

  @Test
  void aReRunForTheSameDateStartsNothingNew() {
    JsonNode first = run(D1);
    assertThat(started(first)).containsExactly(Map.entry(ReunionPlanning.PROCESS_KEY, 1),
        Map.entry(VisitCycle.PROCESS_KEY, CAP + 3));
    Map<String, Long> reunions = instancesByBusinessKey(ReunionPlanning.PROCESS_KEY, "reunion-law-%-2024");
    Map<String, Long> visits = instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%");

    JsonNode again = run(D1);

    assertThat(again.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
    assertThat(started(again)).containsExactly(Map.entry(ReunionPlanning.PROCESS_KEY, 0),
        Map.entry(VisitCycle.PROCESS_KEY, 0));
    assertThat(instancesByBusinessKey(ReunionPlanning.PROCESS_KEY, "reunion-law-%-2024")).isEqualTo(reunions);
    assertThat(instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%")).isEqualTo(visits);

    // an ended reunion is not started again either
    ProcessInstance reunion = runtime.createProcessInstanceQuery().processInstanceBusinessKey(REUNION_2014)
        .singleResult();
    runtime.deleteProcessInstance(reunion.getId(), "cancelled by the college");
    // runs for the same D together start no more than the cap per group, even with new candidates
    Response more = postCsv("/api/alumni/import", alumniCsv(MORE));
    assertThat(more.status()).as(more.toString()).isEqualTo(200);

    JsonNode third = run(D1);

    assertThat(third.get("segments").get("VISIT_DUE").asInt()).isEqualTo(31 + MORE.size());
    assertThat(started(third)).containsExactly(Map.entry(ReunionPlanning.PROCESS_KEY, 0),
        Map.entry(VisitCycle.PROCESS_KEY, 0));
    assertThat(instancesByBusinessKey(ReunionPlanning.PROCESS_KEY, "reunion-law-%-2024")).isEqualTo(reunions);
    assertThat(instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%")).isEqualTo(visits);
    assertThat(startedFor(D1).get(StaffGroups.chapter("bj"))).hasSize(CAP);
  }

  @Test
  void aRunForALaterDateStartsUpToTheCapMore() {
    run(D1);
    Response more = postCsv("/api/alumni/import", alumniCsv(MORE));
    assertThat(more.status()).as(more.toString()).isEqualTo(200);
    assertThat(more.json().get("imported").asInt()).isEqualTo(MORE.size());

    JsonNode later = run(D2);

    // 2 left over from D1 and 30 new candidates: the cap again, in priority order
    assertThat(started(later)).containsExactly(Map.entry(ReunionPlanning.PROCESS_KEY, 0),
        Map.entry(VisitCycle.PROCESS_KEY, CAP));
    List<String> expected = new ArrayList<>(List.of("TG-VT-2", "TG-VT-3"));
    IntStream.rangeClosed(1, 23).forEach(i -> expected.add("TG-VW-%02d".formatted(i)));
    Map<String, TreeSet<String>> startedAtD2 = startedFor(D2);
    assertThat(startedAtD2.keySet()).containsExactly(StaffGroups.chapter("bj"));
    assertThat(startedAtD2.get(StaffGroups.chapter("bj"))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(startedFor(D1).get(StaffGroups.chapter("bj"))).hasSize(CAP);

    Map<String, Long> visits = instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%");
    assertThat(visits).hasSize(1 + (CAP + 3) + CAP).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
    assertThat(visits).doesNotContainKeys("visit-TG-VW-24", "visit-TG-VW-30");

    // and a re-run for the later date starts nothing new
    assertThat(started(run(D2))).containsExactly(Map.entry(ReunionPlanning.PROCESS_KEY, 0),
        Map.entry(VisitCycle.PROCESS_KEY, 0));
    assertThat(instancesByBusinessKey(VisitCycle.PROCESS_KEY, "visit-TG-%")).isEqualTo(visits);
  }
}
