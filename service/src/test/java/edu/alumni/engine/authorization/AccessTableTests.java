package edu.alumni.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import edu.alumni.engine.authorization.AccessTable.Grant;
import edu.alumni.engine.authorization.AccessTableInitializer.Outcome;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The access table as stored: one grant per group, resource and id, exactly its permissions, applied idempotently. */
@Tag("database")
class AccessTableTests extends HttpTestSupport {

  @Autowired
  AccessTableInitializer initializer;

  @Autowired
  Catalogue catalogue;

  AuthorizationService authorizations;

  @BeforeEach
  void services() {
    authorizations = processEngine.getAuthorizationService();
  }

  /** A (group, resource, resource id) the table grants something on, with what it grants. */
  record Expected(String group, Resource resource, String resourceId, Set<Permission> permissions) {
  }

  /** The table expanded as it must be stored: every role's groups, filter names as the shared filters' ids. */
  List<Expected> expected() {
    List<Expected> expected = new ArrayList<>();
    for (Grant grant : AccessTable.GRANTS) {
      List<String> ids = grant.resource() == Resources.FILTER && !ANY.equals(grant.resourceId())
          ? TaskFilters.sharedFilterIds(processEngine.getFilterService(), grant.resourceId())
          : List.of(grant.resourceId());
      for (String id : ids) {
        for (String group : grant.role().groups(catalogue)) {
          expected.add(new Expected(group, grant.resource(), id, new LinkedHashSet<>(grant.permissions())));
        }
      }
    }
    return expected;
  }

  Authorization stored(String group, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }

  @Test
  void theEngineChecksAuthorizationsAndGivesTaskOwnersTaskWork() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isAuthorizationEnabledForCustomCode()).isFalse();
    assertThat(configuration.getDefaultUserPermissionForTask()).isEqualTo(Permissions.TASK_WORK);
  }

  @Test
  void everyRowIsStoredOnceWithExactlyItsPermissions() {
    List<Expected> expected = expected();

    assertThat(expected).extracting(e -> e.group() + " " + e.resource().resourceName() + " " + e.resourceId())
        .doesNotHaveDuplicates();
    for (Expected e : expected) {
      Authorization stored = stored(e.group(), e.resource(), e.resourceId());
      assertThat(stored).as("%s", e).isNotNull();
      // the permissions the resource has (without NONE, and ALL only when granted as such), compared by name
      Permission[] all = e.permissions().contains(Permissions.ALL) ? new Permission[] {Permissions.ALL}
          : Arrays.stream(ResourceTypeUtil.getPermissionsByResourceType(e.resource().resourceType()))
              .filter(p -> p.getValue() != Permissions.NONE.getValue() && p.getValue() != Permissions.ALL.getValue())
              .toArray(Permission[]::new);
      assertThat(stored.getPermissions(all)).as("%s", e).extracting(Permission::getName)
          .containsExactlyInAnyOrderElementsOf(e.permissions().stream().map(Permission::getName).toList());
    }
  }

  @Test
  void applyingTheTableAgainChangesNothing() {
    Outcome again = initializer.apply(AccessTable.GRANTS);

    assertThat(again).isEqualTo(new Outcome(0, 0, expected().size()));
    for (TaskFilters.Definition filter : TaskFilters.DEFINITIONS) {
      List<String> ids = TaskFilters.sharedFilterIds(processEngine.getFilterService(), filter.name());
      assertThat(ids).as(filter.name()).hasSize(1);
      Filter stored = processEngine.getFilterService().getFilter(ids.get(0));
      assertThat(stored.getOwner()).isNull();
      assertThat(stored.getProperties()).containsEntry("description", filter.description());
    }
  }

  @Test
  void aChangedPermissionSetIsPutBackAndAMissingGrantCreatedAgain() {
    Authorization deploy = stored(StaffGroups.MANAGERS, Resources.DEPLOYMENT, ANY);
    deploy.removePermission(Permissions.CREATE);
    deploy.addPermission(Permissions.DELETE);
    authorizations.saveAuthorization(deploy);
    authorizations.deleteAuthorization(stored(StaffGroups.AUDITORS, Resources.APPLICATION, AccessTable.COCKPIT)
        .getId());

    Outcome outcome = initializer.apply(AccessTable.GRANTS);

    assertThat(outcome).isEqualTo(new Outcome(1, 1, expected().size() - 2));
    assertThat(stored(StaffGroups.MANAGERS, Resources.DEPLOYMENT, ANY)
        .getPermissions(new Permission[] {Permissions.CREATE, Permissions.READ, Permissions.DELETE}))
        .containsExactlyInAnyOrder(Permissions.CREATE, Permissions.READ);
    assertThat(authorizations.isUserAuthorized("someone", List.of(StaffGroups.AUDITORS), Permissions.ACCESS,
        Resources.APPLICATION, AccessTable.COCKPIT)).isTrue();
  }

  @Test
  void everyUnitIsACoordinatorGroupAndMayOpenTasklist() {
    List<String> groups = Role.COORDINATOR.groups(catalogue);
    List<String> units = StaffGroups.all(catalogue).entrySet().stream()
        .filter(g -> StaffGroups.TYPE_UNIT.equals(g.getValue()[1])).map(Map.Entry::getKey).toList();

    assertThat(units).hasSize(8 + 12 + 12);
    assertThat(groups).containsExactlyInAnyOrderElementsOf(
        Stream.concat(Stream.of(StaffGroups.COORDINATORS), units.stream()).toList());
    for (String group : groups) {
      assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
          Resources.APPLICATION, AccessTable.TASKLIST)).as(group).isTrue();
      assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
          Resources.APPLICATION, AccessTable.COCKPIT)).as(group).isFalse();
    }
  }
}
