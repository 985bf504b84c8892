package edu.alumni.rules.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TriggerRulesTests {

  static TriggerRules rules;

  @BeforeAll
  static void compile() {
    rules = new TriggerRules(RuleSet.compile(BuiltInRules.sources(BuiltInRules.TRIGGERS)));
  }

  @Test
  void aCohortOfTenMilestoneMembersStartsAReunionNineDoNot() {
    List<TriggerStart> starts = rules.decide(List.of(new CohortFacts("cs", 2016, 2026, 10),
        new CohortFacts("ee", 2006, 2026, 9)));
    assertThat(starts).hasSize(1);
    TriggerStart start = starts.get(0);
    assertThat(start.getProcessKey()).isEqualTo(ReunionPlanning.PROCESS_KEY);
    assertThat(start.getBusinessKey()).isEqualTo("reunion-cs-2016-2026");
    assertThat(start.getVariables()).isEqualTo(Map.of("college", "cs", "graduationYear", 2016, "milestone", 10,
        "cohortSize", 10));
    assertThat(start.getRule()).isEqualTo("Cohort with 10 or more milestone members: start reunion planning");
    assertThat(start.getFacts()).isEqualTo("college=cs, graduationYear=2016, milestoneMembers=10 (>= 10)");
  }

  @Test
  void everyVisitCandidateIsAskedForWithItsOwner() {
    List<TriggerStart> starts = rules.decide(List.of(
        new VisitCandidate("S1", "chapter-bj", true, new BigDecimal("150000"), "VISIT_DUE because MAJOR"),
        new VisitCandidate("S2", "alumni-office", false, null, "VISIT_DUE because DISTINGUISHED")));
    assertThat(starts).extracting(TriggerStart::getBusinessKey).containsExactlyInAnyOrder("visit-S1", "visit-S2");
    assertThat(starts).allMatch(s -> s.getProcessKey().equals(VisitCycle.PROCESS_KEY));
    TriggerStart s1 = starts.stream().filter(s -> s.getBusinessKey().equals("visit-S1")).findFirst().orElseThrow();
    assertThat(s1.getOwnerGroup()).isEqualTo("chapter-bj");
    assertThat(s1.getVariables()).containsEntry("studentNo", "S1").containsEntry("reason", "VISIT_DUE because MAJOR");
  }

  @Test
  void aStartOfARunCarriesTheRunAndTheRuleButKeepsTheRulesVariables() {
    TriggerStart start = rules.decide(List.of(new CohortFacts("cs", 2016, 2026, 10))).get(0);
    assertThat(start.variablesOfRun(42)).isEqualTo(Map.of("college", "cs", "graduationYear", 2016, "milestone", 10,
        "cohortSize", 10, TriggerStart.VAR_SEGMENTATION_RUN_ID, 42L,
        TriggerStart.VAR_TRIGGER_RULE, "Cohort with 10 or more milestone members: start reunion planning"));
    assertThat(start.getVariables()).doesNotContainKeys(TriggerStart.VAR_SEGMENTATION_RUN_ID,
        TriggerStart.VAR_TRIGGER_RULE);
  }

  @Test
  void nothingToStartWithoutFacts() {
    assertThat(rules.decide(List.of())).isEmpty();
  }
}
