package edu.alumni.engine.gift;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An alumnus' giving at a glance. */
public record GiftSummary(long giftCount, BigDecimal lifetimeGivingCny, LocalDate firstGiftDate,
    LocalDate lastGiftDate) {
}
