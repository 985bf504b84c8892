package edu.alumni.engine.stewardship;

import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.engine.segment.SegmentationService;
import edu.alumni.engine.system.EngineTime;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.segment.AlumnusFacts;
import edu.alumni.rules.segment.SegmentEvaluator;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * checkFundraisable: before the renewal ask, is the donor still fundraisable (SEGMENTS.md) and alive? Asked of the
 * active segment rules (their query {@value SegmentEvaluator#FUNDRAISABLE_QUERY}), so the process follows the
 * definition a manager edits there, on the donor's registry facts of today, not of the gift's day.
 */
public class CheckFundraisableDelegate implements JavaDelegate {

  private final GiftMapper gifts;
  private final SegmentationMapper registry;
  private final Supplier<RuleSet> segmentRules;
  private final ZoneId zone;

  public CheckFundraisableDelegate(GiftMapper gifts, SegmentationMapper registry, Supplier<RuleSet> segmentRules,
      ZoneId zone) {
    this.gifts = gifts;
    this.registry = registry;
    this.segmentRules = segmentRules;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Gift gift = gifts.selectByGiftRef((String) execution.getVariable(DonationStewardship.VAR_GIFT_REF));
    AlumnusFacts donor = gift == null ? null
        : SegmentationService.factsOf(registry, gift.studentNo(), EngineTime.now(zone).toLocalDate());
    boolean fundraisable = donor != null && new SegmentEvaluator(segmentRules.get()).isFundraisable(donor);
    execution.setVariable(DonationStewardship.VAR_STILL_FUNDRAISABLE, fundraisable);
  }
}
