package edu.alumni.engine.authorization;

import static edu.alumni.engine.authorization.Role.ADMIN;
import static edu.alumni.engine.authorization.Role.AUDITOR;
import static edu.alumni.engine.authorization.Role.COORDINATOR;
import static edu.alumni.engine.authorization.Role.MANAGER;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Who may do what in the engine (Tasklist, Cockpit, Admin, {@code /engine-rest}): the one table of grants, role →
 * resource → resource id → permissions, applied at every start by {@link AccessTableInitializer}. {@code /api} roles
 * are in {@code system.SecurityConfiguration}.
 *
 * <p>What is not here, because the engine grants it per task: a task's candidate groups and assignee get READ and
 * TASK_WORK on that task (application.yaml {@code defaultUserPermissionNameForTask}). That is all a coordinator gets
 * on tasks, so coordinators see and work their groups' tasks and nothing else of the running processes.
 *
 * <p>For {@code FILTER} the resource id is the filter's name ({@link TaskFilters}), resolved to its id when applied
 * ({@code *} stays all filters).
 */
public final class AccessTable {

  /** Camunda's webapps, resource ids of {@code APPLICATION}. */
  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String ADMIN_APP = "admin";

  /** One row: the role's groups are granted these permissions on the resource with that id. */
  public record Grant(Role role, Resource resource, String resourceId, List<Permission> permissions) {

    @Override
    public String toString() {
      return role + " " + resource.resourceName() + " " + resourceId + " "
          + permissions.stream().map(Permission::getName).collect(Collectors.joining(","));
    }
  }

  public static final List<Grant> GRANTS = List.copyOf(table());

  private AccessTable() {
  }

  private static List<Grant> table() {
    List<Grant> t = new ArrayList<>();

    // Coordinators work in Tasklist. Diagrams and the names of colleagues and groups are no one's personal data
    // and Tasklist shows them beside a task; instances, variables and history stay out of reach (tasks: see above).
    t.add(grant(COORDINATOR, APPLICATION, TASKLIST, Permissions.ACCESS));
    t.add(grant(COORDINATOR, FILTER, TaskFilters.GROUP_TASKS, Permissions.READ));
    t.add(grant(COORDINATOR, FILTER, TaskFilters.MY_TASKS, Permissions.READ));
    t.add(grant(COORDINATOR, FILTER, TaskFilters.ALL_TASKS, Permissions.READ));
    t.add(grant(COORDINATOR, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    t.add(grant(COORDINATOR, GROUP, ANY, Permissions.READ));
    t.add(grant(COORDINATOR, USER, ANY, Permissions.READ));

    // Managers deploy diagrams (Modeler, /engine-rest), start processes by hand, read everything, and reassign
    // tasks (TASK_ASSIGN: set the assignee, delegate, change candidates; the new assignee then gets TASK_WORK).
    // They approve through the tasks the rules give their group. No deleting instances or deployments (DefaultGrants),
    // no changing variables, no suspending.
    t.add(grant(MANAGER, APPLICATION, TASKLIST, Permissions.ACCESS));
    t.add(grant(MANAGER, APPLICATION, COCKPIT, Permissions.ACCESS));
    t.add(grant(MANAGER, FILTER, TaskFilters.GROUP_TASKS, Permissions.READ));
    t.add(grant(MANAGER, FILTER, TaskFilters.MY_TASKS, Permissions.READ));
    t.add(grant(MANAGER, FILTER, TaskFilters.ALL_TASKS, Permissions.READ));
    t.add(grant(MANAGER, DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
    t.add(grant(MANAGER, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_ASSIGN,
        ProcessDefinitionPermissions.READ_HISTORY));
    t.add(grant(MANAGER, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ));
    t.addAll(readers(MANAGER));

    // Auditors read (Cockpit, /engine-rest): definitions, deployments, runtime state, history, the operation log.
    t.add(grant(AUDITOR, APPLICATION, COCKPIT, Permissions.ACCESS));
    t.add(grant(AUDITOR, DEPLOYMENT, ANY, Permissions.READ));
    t.add(grant(AUDITOR, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY));
    t.add(grant(AUDITOR, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    t.addAll(readers(AUDITOR));

    // Administrators: everything, as the Camunda starter grants camunda-admin when it creates the first admin user.
    // Declared here too, because the starter does that only in a database where that user does not exist yet.
    for (Resources resource : Resources.values()) {
      t.add(grant(ADMIN, resource, ANY, Permissions.ALL));
    }
    return t;
  }

  /** What managers and auditors both read beyond processes: decisions, batches, the operation log, the staff. */
  private static List<Grant> readers(Role role) {
    return List.of(
        grant(role, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
        grant(role, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
        grant(role, BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY),
        grant(role, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
        grant(role, GROUP, ANY, Permissions.READ),
        grant(role, USER, ANY, Permissions.READ));
  }

  private static Grant grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(role, resource, resourceId, List.of(permissions));
  }
}
