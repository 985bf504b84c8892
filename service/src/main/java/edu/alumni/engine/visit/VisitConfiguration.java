package edu.alumni.engine.visit;

import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.rules.BuiltInRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The visit cycle diagram's service task beans, by the names the diagram uses. */
@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

  @Bean
  RecordContactReportDelegate recordContactReportDelegate(ContactReportMapper reports, AlumnusMapper alumni,
      Catalogue catalogue, Clock clock) {
    return new RecordContactReportDelegate(reports, alumni, catalogue, clock.getZone());
  }

  @Bean
  DecideFollowUpsDelegate decideFollowUpsDelegate(GiftMapper gifts, RuleBook rules) {
    return new DecideFollowUpsDelegate(gifts, () -> rules.active(BuiltInRules.FOLLOW_UPS));
  }
}
