package edu.alumni.rules.segment;

import edu.alumni.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * Fires the segment rules over one chunk of alumni in a fresh session, so a run never holds the whole registry in
 * working memory.
 */
public final class SegmentEvaluator implements SegmentClassifier {

  /** The global list the segment rules add their memberships to. */
  public static final String MEMBERSHIPS = "memberships";
  /** The query of the segment rules that names the fundraisable, living alumni among those in a session. */
  public static final String FUNDRAISABLE_QUERY = "fundraisableAlumni";

  private final RuleSet rules;

  public SegmentEvaluator(RuleSet rules) {
    this.rules = rules;
  }

  public RuleSet rules() {
    return rules;
  }

  @Override
  public String version() {
    return rules.version();
  }

  /** The memberships of the given alumni (each fact carries its own as-of date D). */
  @Override
  public List<Membership> evaluate(Collection<AlumnusFacts> alumni) {
    List<Membership> memberships = new ArrayList<>(alumni.size() * 2);
    KieSession session = rules.kieBase().newKieSession();
    try {
      session.setGlobal(MEMBERSHIPS, memberships);
      for (AlumnusFacts a : alumni) {
        session.insert(a);
      }
      session.fireAllRules();
      return memberships;
    } finally {
      session.dispose();
    }
  }

  /**
   * Whether the alumnus is fundraisable and alive by these rules' own definition (their query
   * {@value #FUNDRAISABLE_QUERY}); the segment rules are not fired. One small decision, so a pooled session.
   */
  public boolean isFundraisable(AlumnusFacts alumnus) {
    KieSession session = rules.newDecisionSession();
    try {
      session.setGlobal(MEMBERSHIPS, new ArrayList<Membership>());
      session.insert(alumnus);
      return session.getQueryResults(FUNDRAISABLE_QUERY).size() > 0;
    } finally {
      session.dispose();
    }
  }
}
