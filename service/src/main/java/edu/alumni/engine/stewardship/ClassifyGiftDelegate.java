package edu.alumni.engine.stewardship;

import static edu.alumni.rules.process.DonationStewardship.VAR_AGREEMENT_REQUIRED;
import static edu.alumni.rules.process.DonationStewardship.VAR_GIFT_DATE;
import static edu.alumni.rules.process.DonationStewardship.VAR_GIFT_REF;
import static edu.alumni.rules.process.DonationStewardship.VAR_IMPACT_REPORT_DATE;
import static edu.alumni.rules.process.DonationStewardship.VAR_RENEWAL_DATE;
import static edu.alumni.rules.process.DonationStewardship.VAR_RESTRICTED;
import static edu.alumni.rules.process.DonationStewardship.VAR_TIER;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.system.EngineTime;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.gift.GiftClassification;
import edu.alumni.rules.gift.GiftClassifier;
import edu.alumni.rules.gift.GiftFacts;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * classifyGift: the gift classification rules decide the tier and whether an agreement is needed; the decision is
 * recorded for the audit; the dates of the impact report (12 months) and the renewal ask (11 months) are set.
 */
public class ClassifyGiftDelegate implements JavaDelegate {

  private final GiftMapper gifts;
  private final Catalogue catalogue;
  private final StewardshipMapper stewardship;
  private final Supplier<RuleSet> rules;
  private final ZoneId zone;

  public ClassifyGiftDelegate(GiftMapper gifts, Catalogue catalogue, StewardshipMapper stewardship,
      Supplier<RuleSet> rules, ZoneId zone) {
    this.gifts = gifts;
    this.catalogue = catalogue;
    this.stewardship = stewardship;
    this.rules = rules;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String giftRef = (String) execution.getVariable(VAR_GIFT_REF);
    Gift gift = gifts.selectByGiftRef(giftRef);
    if (gift == null) {
      throw new IllegalStateException("gift " + giftRef + " of process instance " + execution.getProcessInstanceId()
          + " is not in the registry");
    }
    boolean restricted = catalogue.funds().get(gift.fundCode()).restricted();
    RuleSet ruleSet = rules.get();
    GiftClassification c = new GiftClassifier(ruleSet).classify(
        new GiftFacts(gift.giftRef(), gift.amountCny(), gift.fundCode(), restricted));
    LocalDateTime now = EngineTime.now(zone);
    stewardship.insertClassification(giftRef, c.getTier(), c.isAgreementRequired(), c.getRule(), ruleSet.version(),
        c.getFacts(), execution.getProcessInstanceId(), now);
    execution.setVariable(VAR_TIER, c.getTier());
    execution.setVariable(VAR_AGREEMENT_REQUIRED, c.isAgreementRequired());
    execution.setVariable(VAR_RESTRICTED, restricted);
    execution.setVariable(VAR_GIFT_DATE, gift.giftDate().toString());
    // both counted from the gift date, at 09:00 of the university's day
    execution.setVariable(VAR_IMPACT_REPORT_DATE, at9(gift.giftDate().plusMonths(12)));
    execution.setVariable(VAR_RENEWAL_DATE, at9(gift.giftDate().plusMonths(11)));
  }

  private Date at9(java.time.LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
  }
}
