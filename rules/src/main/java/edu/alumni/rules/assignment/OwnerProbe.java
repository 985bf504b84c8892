package edu.alumni.rules.assignment;

import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.DonationStewardship;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the assignment rules decide an owner for a task of a process at all, asked when a diagram is deployed,
 * before any instance exists: the rules are fired over probe contexts that vary everything a rule may test
 * (college, chapter, lifetime giving at each threshold, gift tier, restricted fund, reunion budget on both sides
 * of the second-approval limit, event and visit dates present or not). The first decision found answers; no
 * decision for any probe means a task of that key would always fall back to {@code alumni-office}.
 *
 * <p>A decision for some probe does not promise one for every instance: a college task of an instance without a
 * college still falls back at run time, and the task listener records that.
 */
public final class OwnerProbe {

  /** "Now" of every probe: a working Wednesday morning (due dates are computed but not looked at). */
  static final LocalDateTime PROBE_TIME = LocalDateTime.of(2026, 6, 10, 10, 30);

  // each dimension's values, the richest first so that a known task is found by the first probe or so
  private static final List<String> COLLEGES = Arrays.asList("cs", null);
  private static final List<String> CHAPTERS = Arrays.asList("bj", null);
  private static final List<BigDecimal> LIFETIME_GIVING = List.of(BigDecimal.ZERO, new BigDecimal("100000"),
      new BigDecimal("1000000"));
  private static final List<String> TIERS = Arrays.asList(null, DonationStewardship.TIER_PRINCIPAL,
      DonationStewardship.TIER_MAJOR, DonationStewardship.TIER_LEADERSHIP, DonationStewardship.TIER_ANNUAL);
  private static final List<Boolean> RESTRICTED = List.of(false, true);
  private static final List<BigDecimal> BUDGETS = Arrays.asList(null, new BigDecimal("100000"),
      new BigDecimal("250000"));
  private static final List<Boolean> DATES = List.of(true, false);

  private final AssignmentRules rules;

  public OwnerProbe(RuleSet rules) {
    this.rules = new AssignmentRules(rules);
  }

  /** The first decision of the rules over the probes of this task, or empty when no probe gets one. */
  public Optional<Assignment> anyOwner(String processKey, String taskKey) {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(taskKey, "taskKey");
    for (TaskContext probe : probes(processKey, taskKey)) {
      Optional<Assignment> decision = rules.decide(probe);
      if (decision.isPresent()) {
        return decision;
      }
    }
    return Optional.empty();
  }

  /** Every probe context of a task: the product of the dimensions above (720 contexts). */
  static List<TaskContext> probes(String processKey, String taskKey) {
    LocalDate eventDate = PROBE_TIME.toLocalDate().plusDays(60);
    LocalDate visitDate = PROBE_TIME.toLocalDate().plusDays(7);
    List<TaskContext> probes = new ArrayList<>();
    for (String college : COLLEGES) {
      for (String chapter : CHAPTERS) {
        for (BigDecimal giving : LIFETIME_GIVING) {
          for (String tier : TIERS) {
            for (boolean restricted : RESTRICTED) {
              for (BigDecimal budget : BUDGETS) {
                for (boolean dates : DATES) {
                  probes.add(new TaskContext(processKey, taskKey, PROBE_TIME, college, chapter, giving, tier,
                      restricted ? "scholarship" : "general", restricted, budget, dates ? eventDate : null,
                      dates ? visitDate : null));
                }
              }
            }
          }
        }
      }
    }
    return probes;
  }
}
