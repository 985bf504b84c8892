package edu.alumni.engine.gift;

/** A gift reference already stored with other values: a stored gift is never changed. */
public class GiftConflictException extends RuntimeException {

  private final Gift stored;

  public GiftConflictException(Gift stored) {
    super("Gift " + stored.giftRef() + " is already recorded with other values (student_no " + stored.studentNo()
        + ", amount " + stored.amountCny().toPlainString() + " CNY, " + stored.giftDate() + ", fund "
        + stored.fundCode() + "). A recorded gift is never changed: use a new gift reference.");
    this.stored = stored;
  }

  public Gift stored() {
    return stored;
  }
}
