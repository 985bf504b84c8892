package edu.alumni.engine.gift;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A gift (捐赠) as the registry keeps it; {@code giftRef} is its idempotency key. */
public record Gift(String giftRef, String studentNo, BigDecimal amountCny, LocalDate giftDate, String fundCode,
    String channel) {

  /** Same gift: amounts compare by value (100 and 100.00 are the same amount). */
  public boolean sameValuesAs(Gift other) {
    return giftRef.equals(other.giftRef) && studentNo.equals(other.studentNo)
        && amountCny.compareTo(other.amountCny) == 0 && giftDate.equals(other.giftDate)
        && fundCode.equals(other.fundCode) && java.util.Objects.equals(channel, other.channel);
  }
}
