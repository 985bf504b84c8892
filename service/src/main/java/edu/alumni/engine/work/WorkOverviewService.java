package edu.alumni.engine.work;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** Open and overdue tasks by owner group and process, from aggregate queries over the engine's task tables. */
@Service
public class WorkOverviewService {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
  static final int MAX_TASKS = 500;

  private final WorkMapper mapper;
  private final IdentityService identity;
  private final Clock clock;

  public WorkOverviewService(WorkMapper mapper, IdentityService identity, Clock clock) {
    this.mapper = mapper;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * @param group       list only tasks this group is a candidate for (null: all)
   * @param processKey  list only tasks of this process (null: all)
   * @param overdueOnly list only overdue tasks
   * @param limit       list at most this many tasks (1 to {@value #MAX_TASKS})
   */
  public WorkOverview overview(String group, String processKey, boolean overdueOnly, int limit) {
    // the engine's clock: due dates are the engine's, and a test may move its time
    Date now = ClockUtil.getCurrentTime();
    List<WorkCountRow> cells = mapper.selectCounts(now);

    Map<String, long[]> byGroup = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (WorkCountRow r : cells) {
      long[] sums = byGroup.computeIfAbsent(r.ownerGroup(), g -> new long[2]);
      sums[0] += r.openCount();
      sums[1] += r.overdueCount();
    }
    Map<String, String> names = identity.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName(), (a, b) -> a));
    List<WorkOverview.GroupCount> groups = byGroup.entrySet().stream()
        .map(e -> new WorkOverview.GroupCount(e.getKey(), e.getKey() == null ? null : names.get(e.getKey()),
            e.getValue()[0], e.getValue()[1]))
        .toList();
    List<WorkOverview.ProcessCount> processes = mapper.selectProcessCounts(now).stream()
        .map(r -> new WorkOverview.ProcessCount(r.processKey(), r.openCount(), r.overdueCount())).toList();

    int max = Math.max(1, Math.min(limit, MAX_TASKS));
    List<OpenTaskRow> matched = mapper.selectTasks(now, blankToNull(group), blankToNull(processKey), overdueOnly,
        max + 1);
    List<OpenTaskRow> listed = matched.size() > max ? matched.subList(0, max) : matched;
    Map<String, List<String>> candidates = new HashMap<>();
    if (!listed.isEmpty()) {
      mapper.selectCandidateGroups(listed.stream().map(OpenTaskRow::id).toList())
          .forEach(c -> candidates.computeIfAbsent(c.taskId(), t -> new ArrayList<>()).add(c.groupId()));
    }
    List<WorkOverview.OpenTask> tasks = listed.stream().map(t -> new WorkOverview.OpenTask(t.id(), t.name(),
        t.taskKey(), t.processKey(), t.processName(), t.processInstanceId(), t.businessKey(),
        candidates.getOrDefault(t.id(), List.of()).stream().sorted().toList(), t.assignee(), time(t.createTime()),
        time(t.dueDate()), t.dueDate() != null && t.dueDate().before(now), TASKLIST + t.id())).toList();

    return new WorkOverview(time(now), mapper.countOpen(), mapper.countOverdue(now), groups, processes,
        cells.stream().map(r -> new WorkOverview.Cell(r.ownerGroup(), r.processKey(), r.openCount(),
            r.overdueCount())).toList(),
        tasks, matched.size() > max, TASKLIST + "{id}");
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
