package edu.alumni.engine.stewardship;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.rules.process.DonationStewardship;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * checkFundraisable: before the renewal ask, is the donor still fundraisable (SEGMENTS.md: consent to contact, an
 * e-mail or phone, consent to fundraising) and alive? Read from the registry now, not from the gift's day.
 */
public class CheckFundraisableDelegate implements JavaDelegate {

  private final GiftMapper gifts;
  private final AlumnusMapper alumni;

  public CheckFundraisableDelegate(GiftMapper gifts, AlumnusMapper alumni) {
    this.gifts = gifts;
    this.alumni = alumni;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Gift gift = gifts.selectByGiftRef((String) execution.getVariable(DonationStewardship.VAR_GIFT_REF));
    Alumnus donor = gift == null ? null : alumni.selectByStudentNo(gift.studentNo());
    boolean fundraisable = donor != null && !donor.deceased() && donor.consentContact()
        && (donor.email() != null || donor.phone() != null) && donor.consentFundraising();
    execution.setVariable(DonationStewardship.VAR_STILL_FUNDRAISABLE, fundraisable);
  }
}
