package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Sign-in against a real engine's identity service, with the remembered sign-ins and their expiry. */
class CamundaIdentityAuthenticationProviderTests {

  static ProcessEngine engine;
  static IdentityService identity;

  final AtomicLong now = new AtomicLong();
  CamundaIdentityAuthenticationProvider provider;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:identity-provider-tests;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false).buildProcessEngine();
    identity = engine.getIdentityService();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void userInTwoGroups() {
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
    User user = identity.newUser("li");
    user.setPassword("secret");
    identity.saveUser(user);
    for (String group : new String[] {"managers", "auditors"}) {
      identity.saveGroup(identity.newGroup(group));
      identity.createMembership("li", group);
    }
    provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(30), now::get);
  }

  private Authentication signIn(String user, String password) {
    return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
  }

  @Test
  void theGroupsBecomeTheAuthorities() {
    Authentication a = signIn("li", "secret");

    assertThat(a.isAuthenticated()).isTrue();
    assertThat(a.getCredentials()).isNull();
    assertThat(a.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("managers", "auditors");
  }

  @Test
  void wrongPasswordAndUnknownUserAreRefused() {
    assertThatThrownBy(() -> signIn("li", "Secret")).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> signIn("wang", "secret")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aSignInIsRememberedUntilItExpires() {
    signIn("li", "secret");
    identity.deleteMembership("li", "auditors");

    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(signIn("li", "secret").getAuthorities()).hasSize(2);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(signIn("li", "secret").getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactly("managers");
  }

  @Test
  void aRememberedSignInDoesNotAcceptAnotherPassword() {
    signIn("li", "secret");

    assertThatThrownBy(() -> signIn("li", "guess")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aChangedPasswordCountsOnceTheRememberedSignInExpires() {
    signIn("li", "secret");
    User user = identity.createUserQuery().userId("li").singleResult();
    user.setPassword("changed");
    identity.saveUser(user);

    assertThat(signIn("li", "secret").isAuthenticated()).isTrue();
    now.addAndGet(Duration.ofSeconds(31).toNanos());
    assertThat(signIn("li", "changed").isAuthenticated()).isTrue();
    // last: a wrong password makes the engine refuse the account for a few seconds
    assertThatThrownBy(() -> signIn("li", "secret")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void zeroTurnsTheCacheOff() {
    provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ZERO, now::get);
    signIn("li", "secret");
    identity.deleteMembership("li", "managers");

    assertThat(signIn("li", "secret").getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactly("auditors");
  }
}
