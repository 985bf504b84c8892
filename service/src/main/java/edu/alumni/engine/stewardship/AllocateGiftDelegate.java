package edu.alumni.engine.stewardship;

import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.system.EngineTime;
import edu.alumni.rules.process.DonationStewardship;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** allocateGift: credits the gift to its designated fund (专款专用), once, recorded in the registry. */
public class AllocateGiftDelegate implements JavaDelegate {

  private final GiftMapper gifts;
  private final StewardshipMapper stewardship;
  private final ZoneId zone;

  public AllocateGiftDelegate(GiftMapper gifts, StewardshipMapper stewardship, ZoneId zone) {
    this.gifts = gifts;
    this.stewardship = stewardship;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String giftRef = (String) execution.getVariable(DonationStewardship.VAR_GIFT_REF);
    if (stewardship.countAllocations(giftRef) > 0) {
      return; // a retried job must not credit the fund twice
    }
    Gift gift = gifts.selectByGiftRef(giftRef);
    stewardship.insertAllocation(giftRef, gift.fundCode(), gift.amountCny(), execution.getProcessInstanceId(),
        EngineTime.now(zone));
  }
}
