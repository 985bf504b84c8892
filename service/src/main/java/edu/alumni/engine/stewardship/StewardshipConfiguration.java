package edu.alumni.engine.stewardship;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.rules.BuiltInRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The donation stewardship diagram's service task beans, by the names the diagram uses. */
@Configuration(proxyBeanMethods = false)
class StewardshipConfiguration {

  @Bean
  ClassifyGiftDelegate classifyGiftDelegate(GiftMapper gifts, Catalogue catalogue, StewardshipMapper stewardship,
      RuleBook rules, Clock clock) {
    return new ClassifyGiftDelegate(gifts, catalogue, stewardship, () -> rules.active(BuiltInRules.GIFT_CLASSIFICATION),
        clock.getZone());
  }

  @Bean
  AllocateGiftDelegate allocateGiftDelegate(GiftMapper gifts, StewardshipMapper stewardship, Clock clock) {
    return new AllocateGiftDelegate(gifts, stewardship, clock.getZone());
  }

  @Bean
  CheckFundraisableDelegate checkFundraisableDelegate(GiftMapper gifts, SegmentationMapper registry, RuleBook rules,
      Clock clock) {
    return new CheckFundraisableDelegate(gifts, registry, () -> rules.active(BuiltInRules.SEGMENTS), clock.getZone());
  }
}
