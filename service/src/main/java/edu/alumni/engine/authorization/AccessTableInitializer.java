package edu.alumni.engine.authorization;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import edu.alumni.engine.authorization.AccessTable.Grant;
import edu.alumni.engine.catalogue.Catalogue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies {@link AccessTable} at every start, before the web server takes requests: the shared Tasklist filters are
 * created when missing, then every (group, resource, resource id) of the table has exactly one GRANT with exactly the
 * declared permissions — created when missing, its permissions set back when they differ, left alone otherwise.
 * Authorizations outside the table (the engine's per-task grants, what an administrator adds in Admin) are not
 * touched; a row removed from the table is not revoked by this (revoke it in Admin).
 */
@Component
class AccessTableInitializer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AccessTableInitializer.class);

  private final ProcessEngine engine;
  private final Catalogue catalogue;

  AccessTableInitializer(ProcessEngine engine, Catalogue catalogue) {
    this.engine = engine;
    this.catalogue = catalogue;
  }

  /** What one application of the table did, counted in authorizations. */
  record Outcome(int created, int updated, int unchanged) {
  }

  @Override
  public void afterSingletonsInstantiated() {
    Outcome outcome = apply(AccessTable.GRANTS);
    log.info("Access table applied: {} authorizations created, {} updated, {} unchanged", outcome.created(),
        outcome.updated(), outcome.unchanged());
  }

  /** Runs at start-up with no user signed in to the engine, so these calls are not themselves checked. */
  Outcome apply(List<Grant> grants) {
    Map<String, List<String>> filterIds = TaskFilters.ensure(engine.getFilterService(), engine.getTaskService());
    AuthorizationService authorizations = engine.getAuthorizationService();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (var target : wanted(grants, filterIds).entrySet()) {
      Map<String, Set<Permission>> byGroup = target.getValue();
      Map<String, Authorization> existing = authorizations.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT).resourceType(target.getKey().resource())
          .resourceId(target.getKey().resourceId()).groupIdIn(byGroup.keySet().toArray(String[]::new)).list()
          .stream().collect(Collectors.toMap(Authorization::getGroupId, a -> a, (a, b) -> a));
      for (var group : byGroup.entrySet()) {
        Permission[] permissions = group.getValue().toArray(Permission[]::new);
        Authorization authorization = existing.get(group.getKey());
        if (authorization == null) {
          authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          authorization.setGroupId(group.getKey());
          authorization.setResource(target.getKey().resource());
          authorization.setResourceId(target.getKey().resourceId());
          authorization.setPermissions(permissions);
          authorizations.saveAuthorization(authorization);
          created++;
        } else if (mask(authorization) != mask(permissions)) {
          authorization.setPermissions(permissions);
          authorizations.saveAuthorization(authorization);
          updated++;
        } else {
          unchanged++;
        }
      }
    }
    return new Outcome(created, updated, unchanged);
  }

  /** A resource and resource id the table grants something on. */
  record Target(Resource resource, String resourceId) {
  }

  /** The table expanded to groups and resolved filter ids: target → group → permissions (rows of a key merged). */
  private Map<Target, Map<String, Set<Permission>>> wanted(List<Grant> grants, Map<String, List<String>> filterIds) {
    Map<Target, Map<String, Set<Permission>>> wanted = new LinkedHashMap<>();
    for (Grant grant : grants) {
      List<String> resourceIds = List.of(grant.resourceId());
      if (grant.resource() == Resources.FILTER && !Authorization.ANY.equals(grant.resourceId())) {
        resourceIds = filterIds.get(grant.resourceId());
        if (resourceIds == null) {
          throw new IllegalStateException("The access table names a filter TaskFilters does not declare: " + grant);
        }
      }
      for (String resourceId : resourceIds) {
        for (String group : grant.role().groups(catalogue)) {
          wanted.computeIfAbsent(new Target(grant.resource(), resourceId), t -> new LinkedHashMap<>())
              .computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(grant.permissions());
        }
      }
    }
    return wanted;
  }

  private static int mask(Authorization authorization) {
    return ((AuthorizationEntity) authorization).getPermissions();
  }

  /** The stored form of a permission set (ALL included), as the engine computes it. */
  private static int mask(Permission[] permissions) {
    AuthorizationEntity probe = new AuthorizationEntity(AUTH_TYPE_GRANT);
    probe.setPermissions(permissions);
    return probe.getPermissions();
  }
}
