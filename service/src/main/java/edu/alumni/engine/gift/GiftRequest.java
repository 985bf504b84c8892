package edu.alumni.engine.gift;

/** {@code POST /api/gifts}: one gift as recorded by foundation finance. Amount and date as JSON number/text. */
public record GiftRequest(String giftRef, String studentNo, String amountCny, String giftDate, String fundCode,
    String channel) {
}
