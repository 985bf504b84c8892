package edu.alumni.engine.stewardship;

import java.time.LocalDateTime;

/** A stored gift classification (tier and agreement decision). */
public record GiftClassificationRow(String giftRef, String tier, boolean agreementRequired, String ruleName,
    String rulesetVersion, String facts, String processInstanceId, LocalDateTime decidedAt) {
}
