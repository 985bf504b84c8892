package edu.alumni.engine.assignment;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.rules.BuiltInRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires rule-decided task ownership into the engine (the plugin bean is picked up by the Camunda starter). */
@Configuration(proxyBeanMethods = false)
public class AssignmentConfiguration {

  @Bean
  TaskOwners taskOwners(RuleBook rules, RegistryFactsMapper registry, Catalogue catalogue, Clock clock) {
    return new TaskOwners(() -> rules.active(BuiltInRules.ASSIGNMENT),
        new TaskContextReader(registry, catalogue, clock.getZone()), clock.getZone());
  }

  @Bean
  AssignmentEnginePlugin assignmentEnginePlugin(TaskOwners owners, OwnerDecisionMapper decisions) {
    return new AssignmentEnginePlugin(owners, decisions);
  }

  /** Named for the diagrams' timer expressions. */
  @Bean("dueDates")
  DueDates dueDates(TaskOwners owners) {
    return new DueDates(owners);
  }
}
