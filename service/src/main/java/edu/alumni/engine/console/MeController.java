package edu.alumni.engine.console;

import static edu.alumni.engine.system.StaffGroups.ADMINS;
import static edu.alumni.engine.system.StaffGroups.AUDITORS;
import static edu.alumni.engine.system.StaffGroups.COORDINATORS;
import static edu.alumni.engine.system.StaffGroups.MANAGERS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user, for the console's sign-in and its choice of pages; any signed-in user may ask. */
@RestController
class MeController {

  /** Role group → role, in the order the console lists them. */
  private static final Map<String, String> ROLES = Map.of(ADMINS, "ADMIN", MANAGERS, "MANAGER", AUDITORS, "AUDITOR",
      COORDINATORS, "COORDINATOR");
  private static final List<String> ROLE_ORDER = List.of("ADMIN", "MANAGER", "AUDITOR", "COORDINATOR");

  private final IdentityService identity;

  MeController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    String userId = authentication.getName();
    // the authorities are the user's Camunda groups (CamundaIdentityAuthenticationProvider)
    List<String> groupIds = authentication.getAuthorities().stream().map(a -> a.getAuthority()).sorted().toList();
    List<Me.GroupRef> groups = groupIds.isEmpty() ? List.of()
        : identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
            .map(g -> new Me.GroupRef(g.getId(), g.getName()))
            .sorted(Comparator.comparing(Me.GroupRef::id)).toList();
    List<String> roles = new ArrayList<>();
    groupIds.stream().map(ROLES::get).filter(r -> r != null).forEach(roles::add);
    roles.sort(Comparator.comparingInt(ROLE_ORDER::indexOf));
    boolean console = roles.contains("ADMIN") || roles.contains("MANAGER") || roles.contains("AUDITOR");
    return new Me(userId, displayName(userId), groups, roles, console);
  }

  private String displayName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
