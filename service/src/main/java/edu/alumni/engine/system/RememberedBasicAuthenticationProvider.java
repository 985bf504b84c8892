package edu.alumni.engine.system;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;

/**
 * {@code /engine-rest}'s HTTP Basic through {@link SignIns}: Camunda's provider checks the password on every
 * request, and its filter then reads the user's groups and tenants, three engine transactions before a task query
 * starts. The result carries the groups and tenants, so the filter does not read them again.
 */
final class RememberedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  private final SignIns signIns;

  RememberedBasicAuthenticationProvider(SignIns signIns) {
    this.signIns = signIns;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (!signIns.checksAgainst(engine.getIdentityService())) {
      return super.extractAuthenticatedUser(request, engine); // another engine's users: Camunda's own check
    }
    return signIns.checkBasic(request.getHeader(HttpHeaders.AUTHORIZATION)).map(signIn -> {
      AuthenticationResult result = AuthenticationResult.successful(signIn.userId());
      result.setGroups(signIn.groupIds());
      result.setTenants(signIn.tenantIds());
      return result;
    }).orElseGet(AuthenticationResult::unsuccessful);
  }
}
