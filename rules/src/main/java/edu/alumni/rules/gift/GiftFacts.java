package edu.alumni.rules.gift;

import java.math.BigDecimal;

/** A recorded gift as the classification rules see it. Immutable. */
public final class GiftFacts {

  private final String giftRef;
  private final BigDecimal amount;
  private final String fundCode;
  private final boolean fundRestricted;

  public GiftFacts(String giftRef, BigDecimal amount, String fundCode, boolean fundRestricted) {
    this.giftRef = giftRef;
    this.amount = amount;
    this.fundCode = fundCode;
    this.fundRestricted = fundRestricted;
  }

  public String getGiftRef() {
    return giftRef;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getFundCode() {
    return fundCode;
  }

  public boolean isFundRestricted() {
    return fundRestricted;
  }
}
