package edu.alumni.engine.deployment;

import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires deployment validation and the deployer record into the engine (the plugin bean is picked up by the starter). */
@Configuration(proxyBeanMethods = false)
public class DeploymentConfiguration {

  @Bean
  DeploymentValidationPlugin deploymentValidationPlugin(RuleBook rules, ApplicationContext context,
      DeploymentRecordMapper records, Clock clock, ObjectProvider<FlywayMigrationInitializer> migrations) {
    // the engine deploys the shipped diagrams while it is built, and the record goes to a Flyway table: migrate first
    migrations.ifAvailable(initializer -> { });
    return new DeploymentValidationPlugin(assignmentRules(rules), context::containsBean,
        (deploymentId, deployedBy, deployedAt) -> records.insertRecord(new DeploymentRecord(deploymentId, deployedBy,
            LocalDateTime.ofInstant(deployedAt.toInstant(), clock.getZone()))));
  }

  /**
   * The assignment rules in force. On the very first start the engine deploys the shipped diagrams before the rule
   * book has installed the shipped rules (it does so once every bean exists): those are then the rules in force.
   */
  private static Supplier<RuleSet> assignmentRules(RuleBook rules) {
    return () -> {
      try {
        return rules.active(BuiltInRules.ASSIGNMENT);
      } catch (NotFoundException e) {
        return RuleSet.compile(BuiltInRules.sources(BuiltInRules.ASSIGNMENT));
      }
    };
  }
}
