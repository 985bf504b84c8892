package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The two sign-in front ends over {@link SignIns}, against real engines: {@code /engine-rest}'s provider hands the
 * groups and tenants to Camunda's filter, {@code /api}'s provider turns them into authorities.
 */
class RememberedBasicAuthenticationProviderTests {

  static ProcessEngine engine;
  static ProcessEngine otherEngine;
  static SignIns signIns;

  @BeforeAll
  static void engines() {
    engine = engine("remembered-basic-tests");
    otherEngine = engine("remembered-basic-other");
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser("li");
    user.setPassword("secret");
    identity.saveUser(user);
    // a wrong password locks an account for a few seconds: the refusals are tried on another user
    User wang = identity.newUser("wang");
    wang.setPassword("secret");
    identity.saveUser(wang);
    identity.saveGroup(identity.newGroup("managers"));
    identity.createMembership("li", "managers");
    identity.saveTenant(identity.newTenant("campusNorth"));
    identity.createTenantGroupMembership("campusNorth", "managers");
    signIns = new SignIns(identity, Duration.ofSeconds(30), System::nanoTime);
  }

  private static ProcessEngine engine(String name) {
    return ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName(name).setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false).buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
    otherEngine.close();
  }

  private static MockHttpServletRequest request(String credentials) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    if (credentials != null) {
      request.addHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  @Test
  void theEngineRestResultCarriesGroupsAndTenantsSoTheFilterDoesNotReadThem() {
    AuthenticationResult result = new RememberedBasicAuthenticationProvider(signIns)
        .extractAuthenticatedUser(request("li:secret"), engine);

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo("li");
    assertThat(result.getGroups()).containsExactly("managers");
    assertThat(result.getTenants()).containsExactly("campusNorth");
  }

  @Test
  void theEngineRestRefusesWrongOrMissingCredentialsWithABasicChallenge() {
    RememberedBasicAuthenticationProvider provider = new RememberedBasicAuthenticationProvider(signIns);

    assertThat(provider.extractAuthenticatedUser(request("wang:guess"), engine).isAuthenticated()).isFalse();
    assertThat(provider.extractAuthenticatedUser(request(null), engine).isAuthenticated()).isFalse();
    MockHttpServletResponse response = new MockHttpServletResponse();
    provider.augmentResponseByAuthenticationChallenge(response, engine);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=");
  }

  @Test
  void anotherEnginesUsersAreCheckedByThatEngine() {
    AuthenticationResult result = new RememberedBasicAuthenticationProvider(signIns)
        .extractAuthenticatedUser(request("li:secret"), otherEngine);

    assertThat(result.isAuthenticated()).isFalse(); // li exists in the service's engine only
  }

  @Test
  void theApiProviderTurnsGroupsIntoAuthoritiesWithoutTheCredentials() {
    Authentication a = new CamundaIdentityAuthenticationProvider(signIns)
        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("li", "secret"));

    assertThat(a.isAuthenticated()).isTrue();
    assertThat(a.getName()).isEqualTo("li");
    assertThat(a.getCredentials()).isNull();
    assertThat(a.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("managers");
  }

  @Test
  void theApiProviderRefusesAWrongPassword() {
    CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(signIns);

    assertThatThrownBy(() -> provider.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated("wang", "guess"))).isInstanceOf(BadCredentialsException.class);
  }
}
