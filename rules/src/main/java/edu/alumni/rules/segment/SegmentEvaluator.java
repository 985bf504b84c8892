package edu.alumni.rules.segment;

import edu.alumni.rules.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Fires the segment rules over one chunk of alumni in a fresh session, so a run never holds the whole registry in
 * working memory.
 */
public final class SegmentEvaluator {

  private final RuleSet rules;

  public SegmentEvaluator(RuleSet rules) {
    this.rules = rules;
  }

  public RuleSet rules() {
    return rules;
  }

  /** The memberships of the given alumni as of {@code asOf}. */
  public List<Membership> evaluate(LocalDate asOf, Collection<AlumnusFacts> alumni) {
    KieSession session = rules.kieBase().newKieSession();
    try {
      session.insert(new AsOf(asOf));
      for (AlumnusFacts a : alumni) {
        session.insert(a);
      }
      session.fireAllRules();
      Collection<?> found = session.getObjects(new ClassObjectFilter(Membership.class));
      List<Membership> memberships = new ArrayList<>(found.size());
      for (Object o : found) {
        memberships.add((Membership) o);
      }
      return memberships;
    } finally {
      session.dispose();
    }
  }
}
