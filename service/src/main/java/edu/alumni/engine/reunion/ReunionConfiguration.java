package edu.alumni.engine.reunion;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reunion planning diagram's service task beans, by the names the diagram uses. */
@Configuration(proxyBeanMethods = false)
class ReunionConfiguration {

  @Bean
  SendInvitationsDelegate sendInvitationsDelegate(ReunionMapper reunions, Clock clock) {
    return new SendInvitationsDelegate(reunions, clock.getZone());
  }
}
