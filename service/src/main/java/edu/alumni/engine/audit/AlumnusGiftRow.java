package edu.alumni.engine.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A gift of an alumnus with its tier decision and its allocation to the fund, when there are any. */
public record AlumnusGiftRow(String giftRef, BigDecimal amountCny, LocalDate giftDate, String fundCode,
    String channel, LocalDateTime recordedAt, String tier, Boolean agreementRequired, String tierRule,
    String tierRulesetVersion, String tierFacts, String tierProcessInstanceId, LocalDateTime tierDecidedAt,
    LocalDateTime allocatedAt) {
}
