package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me}: the console's sign-in and its choice of pages. */
@Tag("database")
class MeControllerTests extends HttpTestSupport {

  static final String PASSWORD = "me-Pw-1";

  @AfterEach
  void removeUsers() {
    for (String user : new String[] {"me-manager", "me-auditor", "me-coordinator", "me-nobody"}) {
      deleteUser(user);
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void managerAndAuditorGetTheConsole() {
    createUser("me-manager", PASSWORD, StaffGroups.MANAGERS, StaffGroups.ALUMNI_OFFICE);
    createUser("me-auditor", PASSWORD, StaffGroups.AUDITORS);

    JsonNode manager = get("/api/me", "me-manager", PASSWORD).json();
    JsonNode auditor = get("/api/me", "me-auditor", PASSWORD).json();

    assertThat(manager.get("user").asText()).isEqualTo("me-manager");
    assertThat(manager.get("name").asText()).isEqualTo("Test me-manager");
    // a unit's staff count as coordinators in /api (StaffGroups.authorities)
    assertThat(texts(manager.get("roles"))).containsExactly("MANAGER", "COORDINATOR");
    assertThat(manager.get("groups").findValuesAsText("id")).contains(StaffGroups.MANAGERS, StaffGroups.ALUMNI_OFFICE);
    assertThat(manager.get("console").asBoolean()).isTrue();
    assertThat(texts(auditor.get("roles"))).containsExactly("AUDITOR");
    assertThat(auditor.get("console").asBoolean()).isTrue();
  }

  @Test
  void coordinatorsAndUsersWithoutRoleAreToldTheConsoleIsNotForThem() {
    createUser("me-coordinator", PASSWORD, StaffGroups.COORDINATORS, "college-cs");
    createUser("me-nobody", PASSWORD);

    Response coordinator = get("/api/me", "me-coordinator", PASSWORD);
    Response nobody = get("/api/me", "me-nobody", PASSWORD);

    assertThat(coordinator.status()).isEqualTo(200);
    assertThat(texts(coordinator.json().get("roles"))).containsExactly("COORDINATOR");
    assertThat(coordinator.json().get("console").asBoolean()).isFalse();
    assertThat(nobody.status()).isEqualTo(200);
    assertThat(nobody.json().get("roles")).isEmpty();
    assertThat(nobody.json().get("console").asBoolean()).isFalse();
    assertThat(get("/api/me", null, null).status()).isEqualTo(401);
  }
}
