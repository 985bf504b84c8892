package edu.alumni.rules.trigger;

import edu.alumni.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.KieSession;

/** Fires the trigger rules over the cohorts and visit candidates of a run. */
public final class TriggerRules {

  public static final String STARTS = "starts";

  private final RuleSet rules;

  public TriggerRules(RuleSet rules) {
    this.rules = rules;
  }

  /** The instances the rules ask for, in no particular order (the caller orders visits and applies the cap). */
  public List<TriggerStart> decide(Collection<?> facts) {
    List<TriggerStart> starts = new ArrayList<>();
    KieSession session = rules.kieBase().newKieSession();
    try {
      session.setGlobal(STARTS, starts);
      facts.forEach(session::insert);
      session.fireAllRules();
      return starts;
    } finally {
      session.dispose();
    }
  }
}
