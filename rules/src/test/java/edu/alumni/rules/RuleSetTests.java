package edu.alumni.rules;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.gift.GiftClassification;
import edu.alumni.rules.gift.GiftClassifier;
import edu.alumni.rules.gift.GiftFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** The pooled decision sessions: empty each time they are handed out, never shared by two callers at once. */
class RuleSetTests {

  static final RuleSet GIFT_RULES = RuleSet.compile(BuiltInRules.sources(BuiltInRules.GIFT_CLASSIFICATION));

  @Test
  void aDecisionSessionFromThePoolHoldsNothingOfTheLastDecision() {
    // rules of their own: a pool that has made one session only, so the second decision gets the first's back
    RuleSet rules = RuleSet.compile(BuiltInRules.sources(BuiltInRules.GIFT_CLASSIFICATION));
    KieSession first = rules.newDecisionSession();
    List<GiftClassification> left = new ArrayList<>();
    try {
      first.setGlobal(GiftClassifier.CLASSIFICATIONS, left);
      first.insert(new GiftFacts("G-1", new BigDecimal("500"), "general", false));
      assertThat(first.fireAllRules()).isPositive();
      assertThat(first.getFactCount()).as("the gift and what the rules inferred").isGreaterThan(1);
    } finally {
      first.dispose();
    }

    KieSession second = rules.newDecisionSession();
    try {
      assertThat(second).as("the pool's one session, reset").isSameAs(first);
      assertThat(second.getFactCount()).isZero();
      assertThat(second.fireAllRules()).as("nothing left to fire from the first decision").isZero();
    } finally {
      second.dispose();
    }
    assertThat(left).hasSize(1);
  }

  @Test
  void decisionsInARowSeeOnlyTheirOwnFacts() {
    GiftClassifier classifier = new GiftClassifier(GIFT_RULES);
    // were the first gift's fact left in the pooled session, the second would be classified twice and refused
    assertThat(classifier.classify(new GiftFacts("G-1", new BigDecimal("2000000"), "general", false)).getTier())
        .isEqualTo("PRINCIPAL");
    assertThat(classifier.classify(new GiftFacts("G-2", new BigDecimal("50"), "general", false)).getTier())
        .isEqualTo("ANNUAL");
  }

  @Test
  void sessionsInUseAtOnceAreDifferentSessions() {
    KieSession one = GIFT_RULES.newDecisionSession();
    KieSession two = GIFT_RULES.newDecisionSession();
    try {
      assertThat(two).isNotSameAs(one);
    } finally {
      one.dispose();
      two.dispose();
    }
  }
}
