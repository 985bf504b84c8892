package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in against a real engine's identity service, with the remembered sign-ins and their expiry. */
class SignInsTests {

  static ProcessEngine engine;
  static IdentityService identity;

  final AtomicLong now = new AtomicLong();
  SignIns signIns;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:sign-ins-tests;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false).buildProcessEngine();
    identity = engine.getIdentityService();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void userInTwoGroupsAndATenant() {
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
    identity.createTenantQuery().list().forEach(t -> identity.deleteTenant(t.getId()));
    User user = identity.newUser("li");
    user.setPassword("secret");
    identity.saveUser(user);
    for (String group : new String[] {"managers", "auditors"}) {
      identity.saveGroup(identity.newGroup(group));
      identity.createMembership("li", group);
    }
    identity.saveTenant(identity.newTenant("campusNorth"));
    identity.createTenantUserMembership("campusNorth", "li");
    signIns = new SignIns(identity, Duration.ofSeconds(30), now::get);
  }

  private Optional<SignIns.SignIn> signIn(String user, String password) {
    return signIns.check(user, password);
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSignInHasTheUsersGroupsTenantsAndAuthorities() {
    SignIns.SignIn li = signIn("li", "secret").orElseThrow();

    assertThat(li.userId()).isEqualTo("li");
    assertThat(li.groupIds()).containsExactlyInAnyOrder("managers", "auditors");
    assertThat(li.authorities()).containsExactlyInAnyOrder("managers", "auditors");
    assertThat(li.tenantIds()).containsExactly("campusNorth");
  }

  @Test
  void aUnitsStaffAreCoordinatorsInTheAuthoritiesOnly() {
    Group unit = identity.newGroup("collegeCs");
    unit.setType(StaffGroups.TYPE_UNIT);
    identity.saveGroup(unit);
    identity.createMembership("li", "collegeCs");

    SignIns.SignIn li = signIn("li", "secret").orElseThrow();

    assertThat(li.groupIds()).containsExactlyInAnyOrder("managers", "auditors", "collegeCs");
    assertThat(li.authorities()).containsExactlyInAnyOrder("managers", "auditors", "collegeCs",
        StaffGroups.COORDINATORS);
  }

  @Test
  void wrongPasswordUnknownUserAndMissingCredentialsAreRefused() {
    assertThat(signIn("li", "Secret")).isEmpty();
    assertThat(signIn("wang", "secret")).isEmpty();
    assertThat(signIn("li", null)).isEmpty();
    assertThat(signIn(null, "secret")).isEmpty();
    assertThat(signIn("", "secret")).isEmpty();
  }

  @Test
  void basicHeadersAreDecodedAsUtf8AndMalformedOnesRefused() {
    User user = identity.newUser("zhang");
    user.setPassword("密码:with colon");
    identity.saveUser(user);

    assertThat(signIns.checkBasic(basic("zhang:密码:with colon"))).map(SignIns.SignIn::userId).contains("zhang");
    assertThat(signIns.checkBasic("basic " + basic("li:secret").substring(6))).isPresent();
    assertThat(signIns.checkBasic(null)).isEmpty();
    assertThat(signIns.checkBasic("Bearer abc")).isEmpty();
    assertThat(signIns.checkBasic("Basic not*base64")).isEmpty();
    assertThat(signIns.checkBasic(basic("no-colon"))).isEmpty();
    assertThat(signIns.checkBasic(basic(":secret"))).isEmpty();
  }

  @Test
  void aSignInIsRememberedUntilItExpires() {
    signIn("li", "secret");
    identity.deleteMembership("li", "auditors");
    identity.deleteTenantUserMembership("campusNorth", "li");

    now.addAndGet(Duration.ofSeconds(29).toNanos());
    SignIns.SignIn remembered = signIn("li", "secret").orElseThrow();
    assertThat(remembered.groupIds()).hasSize(2);
    assertThat(remembered.tenantIds()).hasSize(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    SignIns.SignIn fresh = signIn("li", "secret").orElseThrow();
    assertThat(fresh.groupIds()).containsExactly("managers");
    assertThat(fresh.tenantIds()).isEmpty();
  }

  @Test
  void aRememberedSignInDoesNotAcceptAnotherPassword() {
    signIn("li", "secret");

    assertThat(signIn("li", "guess")).isEmpty();
  }

  @Test
  void aChangedPasswordCountsOnceTheRememberedSignInExpires() {
    signIn("li", "secret");
    User user = identity.createUserQuery().userId("li").singleResult();
    user.setPassword("changed");
    identity.saveUser(user);

    assertThat(signIn("li", "secret")).isPresent();
    now.addAndGet(Duration.ofSeconds(31).toNanos());
    assertThat(signIn("li", "changed")).isPresent();
    // last: a wrong password makes the engine refuse the account for a few seconds
    assertThat(signIn("li", "secret")).isEmpty();
  }

  @Test
  void zeroTurnsTheCacheOff() {
    signIns = new SignIns(identity, Duration.ZERO, now::get);
    signIn("li", "secret");
    identity.deleteMembership("li", "managers");

    assertThat(signIn("li", "secret").orElseThrow().groupIds()).containsExactly("auditors");
  }
}
