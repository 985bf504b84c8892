package edu.alumni.rules.followup;

import edu.alumni.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.runtime.KieSession;

/**
 * Turns a completed contact report into follow-up tasks by firing the follow-up rules
 * ({@code edu/alumni/rules/followup/follow-ups.drl}) over it in a pooled session.
 */
public final class FollowUpRules {

  /** The global list the follow-up rules add their follow-ups to. */
  public static final String FOLLOW_UPS = "followUps";

  private final RuleSet rules;

  public FollowUpRules(RuleSet rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public RuleSet rules() {
    return rules;
  }

  /** The follow-ups the report asks for, in the rules' firing order; empty when none (e.g. a failed contact). */
  public List<FollowUp> decide(ContactReport report) {
    Objects.requireNonNull(report, "report");
    List<FollowUp> followUps = new ArrayList<>(4);
    KieSession session = rules.newDecisionSession();
    try {
      session.setGlobal(FOLLOW_UPS, followUps);
      session.insert(report);
      session.fireAllRules();
      return List.copyOf(followUps);
    } finally {
      session.dispose();
    }
  }
}
