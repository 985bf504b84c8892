package edu.alumni.engine.gift;

/** The answer to {@code POST /api/gifts}: the stored gift and the stewardship instance it started. */
public record RecordedGift(Gift gift, String processInstanceId, String businessKey, boolean created) {
}
