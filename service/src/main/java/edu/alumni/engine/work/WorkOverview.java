package edu.alumni.engine.work;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/work/overview}: the open work of every owner group, for managers. A task counts once for each of
 * its candidate groups in {@code byGroup} and {@code cells}, once in the totals; a task without a candidate group
 * is under the group {@code null}.
 *
 * @param tasks          open tasks matching the filters, overdue first, then by due date, at most {@code limit}
 * @param moreTasks      whether more tasks matched than are listed
 * @param tasklist       the address of a task in Tasklist, {@code {id}} to be replaced by the task id
 */
public record WorkOverview(OffsetDateTime asOf, long openTasks, long overdueTasks, List<GroupCount> byGroup,
    List<ProcessCount> byProcess, List<Cell> cells, List<OpenTask> tasks, boolean moreTasks, String tasklist) {

  public record GroupCount(String group, String groupName, long open, long overdue) {
  }

  public record ProcessCount(String processKey, long open, long overdue) {
  }

  /** One owner group in one process. */
  public record Cell(String group, String processKey, long open, long overdue) {
  }

  public record OpenTask(String id, String name, String taskKey, String processKey, String processName,
      String processInstanceId, String businessKey, List<String> groups, String assignee, OffsetDateTime created,
      OffsetDateTime due, boolean overdue, String tasklistUrl) {
  }
}
