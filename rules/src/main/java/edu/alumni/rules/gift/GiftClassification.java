package edu.alumni.rules.gift;

/** The tier of a gift and whether it needs a signed agreement, with the rule and facts that decided. */
public final class GiftClassification {

  private final String tier;
  private final boolean agreementRequired;
  private final String rule;
  private final String facts;

  public GiftClassification(String tier, boolean agreementRequired, String rule, String facts) {
    this.tier = tier;
    this.agreementRequired = agreementRequired;
    this.rule = rule;
    this.facts = facts;
  }

  public String getTier() {
    return tier;
  }

  public boolean isAgreementRequired() {
    return agreementRequired;
  }

  public String getRule() {
    return rule;
  }

  public String getFacts() {
    return facts;
  }
}
