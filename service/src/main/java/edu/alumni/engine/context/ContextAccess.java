package edu.alumni.engine.context;

import edu.alumni.engine.system.SignIns;
import edu.alumni.engine.system.StaffGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who is asking for a context page: the user signed in to the Camunda webapps (the same browser session as
 * Tasklist), or HTTP Basic credentials; and whether one of their groups may read it.
 */
@Component
class ContextAccess {

  static final String ENGINE = "default";

  private final IdentityService identity;
  private final SignIns signIns;

  ContextAccess(IdentityService identity, SignIns signIns) {
    this.identity = identity;
    this.signIns = signIns;
  }

  /** Empty when the caller may read; otherwise the refusal to answer with. */
  Optional<ResponseEntity<String>> check(HttpServletRequest request, Set<String> allowedGroups) {
    List<String> groups = groupsOf(request);
    if (groups == null) {
      ResponseEntity<String> page = ContextPageController.page(HttpStatus.UNAUTHORIZED, "Sign in",
          "<p>Sign in to <a href=\"/camunda/app/tasklist/\">Tasklist</a> first, then open this link again.</p>");
      return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"alumni-engagement\"")
          .headers(page.getHeaders()).body(page.getBody()));
    }
    if (groups.stream().noneMatch(allowedGroups::contains)) {
      return Optional.of(ContextPageController.page(HttpStatus.FORBIDDEN, "Forbidden",
          "<p>Your account is in none of the groups that may read this page: " + allowedGroups + ".</p>"));
    }
    return Optional.empty();
  }

  /** The caller's group ids, or null when nobody is signed in. */
  private List<String> groupsOf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(ENGINE);
      if (auth instanceof UserAuthentication user && user.getGroupIds() != null) {
        return user.getGroupIds().isEmpty() ? List.of() : StaffGroups.authorities(identity.createGroupQuery()
            .groupIdIn(user.getGroupIds().toArray(String[]::new)).list());
      }
    }
    return signIns.checkBasic(request.getHeader(HttpHeaders.AUTHORIZATION)).map(SignIns.SignIn::authorities)
        .orElse(null);
  }
}
