package edu.alumni.rules.gift;

import edu.alumni.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.runtime.KieSession;

/**
 * Classifies a recorded gift (tier, agreement required) by firing the gift classification rules
 * ({@code edu/alumni/rules/gift/gift-classification.drl}) over it in a pooled session.
 */
public final class GiftClassifier {

  /** The global list the classification rules add their result to. */
  public static final String CLASSIFICATIONS = "classifications";

  private final RuleSet rules;

  public GiftClassifier(RuleSet rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public RuleSet rules() {
    return rules;
  }

  /**
   * The gift's classification.
   *
   * @throws IllegalArgumentException when the gift has no amount
   * @throws IllegalStateException    when the rules classify it not exactly once (a broken rule set)
   */
  public GiftClassification classify(GiftFacts gift) {
    Objects.requireNonNull(gift, "gift");
    if (gift.getAmount() == null) {
      throw new IllegalArgumentException("the gift " + gift.getGiftRef() + " has no amount");
    }
    List<GiftClassification> classifications = new ArrayList<>(1);
    KieSession session = rules.newDecisionSession();
    try {
      session.setGlobal(CLASSIFICATIONS, classifications);
      session.insert(gift);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    if (classifications.size() != 1) {
      throw new IllegalStateException("the gift classification rules classified gift " + gift.getGiftRef() + " "
          + classifications.size() + " times instead of once");
    }
    return classifications.get(0);
  }
}
