package edu.alumni.engine.authorization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters. Tasklist shows a user only the filters they may READ, and a filter shows only the
 * tasks its user may read: with the task grants the engine gives candidate groups and assignees, "All tasks" is a
 * coordinator's own groups' work and every task for managers and auditors.
 *
 * <p>Not {@code camunda.bpm.filter.create}: that creates one empty filter by name with no owner, and Camunda grants
 * nobody but its owner anything on a new filter, so with authorization on only administrators would see it. These
 * are created here when missing (by name, without an owner) and {@link AccessTable} grants READ on them by name.
 */
public final class TaskFilters {

  public static final String GROUP_TASKS = "My group tasks";
  public static final String MY_TASKS = "My tasks";
  public static final String ALL_TASKS = "All tasks";

  /** A filter: its name, what Tasklist shows under it, its place in the list (lowest first) and its query. */
  record Definition(String name, String description, int priority, Function<TaskService, TaskQuery> query) {
  }

  static final List<Definition> DEFINITIONS = List.of(
      new Definition(GROUP_TASKS, "Open tasks of your groups, claimed or not, the earliest due first", -10,
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks().orderByDueDate().asc()),
      new Definition(MY_TASKS, "Tasks you have claimed or been given", 0,
          tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
      new Definition(ALL_TASKS, "Every open task you may see", 10,
          tasks -> tasks.createTaskQuery().orderByDueDate().asc()));

  private TaskFilters() {
  }

  /**
   * Creates the filters that are missing; existing ones are left as an administrator may have tuned them.
   * Returns, by name, the ids of the shared (owner-less) filters with that name.
   */
  static Map<String, List<String>> ensure(FilterService filters, TaskService tasks) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (Definition d : DEFINITIONS) {
      List<String> shared = sharedFilterIds(filters, d.name());
      if (shared.isEmpty()) {
        Filter filter = filters.newTaskFilter(d.name());
        filter.setQuery(d.query().apply(tasks));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", d.description());
        properties.put("priority", d.priority());
        properties.put("refresh", true);
        filter.setProperties(properties);
        filters.saveFilter(filter);
        shared = List.of(filter.getId());
      }
      ids.put(d.name(), shared);
    }
    return ids;
  }

  /** A user's own filters with the same name (they have an owner) are not shared by the grants. */
  static List<String> sharedFilterIds(FilterService filters, String name) {
    return filters.createFilterQuery().filterName(name).list().stream().filter(f -> f.getOwner() == null)
        .map(Filter::getId).toList();
  }
}
