package edu.alumni.engine.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * A page of a group's tasks, looked for in two windows of tasks before all of them.
 *
 * <p>Tasklist asks for the first page of a group's tasks, newest first. Camunda's tables have no index for "the
 * group's tasks by creation time" (the group is on the link, the time on the task): the database either reads every
 * task of the group and sorts them (slow for a group with thousands of tasks), or walks all tasks by creation time
 * until the page is full (slow for a group whose tasks are old or few). And with authorization on, every task it
 * reads is checked against the user's grants. So:
 * <ol>
 *   <li>the page is looked for among the first {@code rows} open tasks in the page's order, read from the
 *   creation-time index (or the primary key) alone; a group with a share of the recent work fills its page there;
 *   <li>then among the first tasks of the group's links in that order, read from the links' index alone (on MySQL
 *   each link carries its task's creation time, {@link MysqlTaskQuery#TASK_CREATED_COLUMN}); the whole rows, the
 *   other criteria and the grants are read only for that window;
 *   <li>only when neither holds a page does the full statement run, led by the group's links.
 * </ol>
 *
 * <p>The answer is the full statement's: if a window holds a page of matches, no task outside it can come before
 * them in the order, as a task outside it either fails the candidate criteria or comes later (tasks created in the
 * same second may come in another order, as in any query that sorts by creation time alone).
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public class RecentTasksFirst implements Interceptor {

  /** Kinds of query whose path is remembered; past that, all are forgotten and learnt again. */
  static final int PATHS = 10_000;
  /** One query in this many of a kind that the group's window answers tries the newest tasks first again. */
  static final int RETRY_NEWEST = 32;

  /** Pages larger than this skip the window: it would rarely hold them. */
  static final int LARGEST_PAGE = 200;

  private final String listStatement;
  private final String recentStatement;
  private final String groupRecentStatement;
  private final int rows;
  private final int groupRows;
  /** Which window answered each kind of query last (kept for at most {@link #PATHS} kinds). */
  private final Map<String, Path> paths = new ConcurrentHashMap<>();
  /** Pages answered from the first window, from the group's window, and pages that needed the full statement. */
  final AtomicLong fromWindow = new AtomicLong();
  final AtomicLong fromGroupWindow = new AtomicLong();
  final AtomicLong fromAll = new AtomicLong();
  /** Window statements run, answered or not. */
  final AtomicLong windowReads = new AtomicLong();

  RecentTasksFirst(String listStatement, String recentStatement, String groupRecentStatement, int rows,
      int groupRows) {
    this.listStatement = listStatement;
    this.recentStatement = recentStatement;
    this.groupRecentStatement = groupRecentStatement;
    this.rows = rows;
    this.groupRows = groupRows;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement statement = (MappedStatement) args[0];
    if (statement.getId().equals(listStatement) && args[1] instanceof TaskQueryImpl query && args[3] == null
        && worthAWindow(query)) {
      Executor executor = (Executor) invocation.getTarget();
      RowBounds bounds = (RowBounds) args[2];
      // the group's window holds a page only if the page fits in it; which window goes first is learnt per kind
      Path path = (long) query.getFirstResult() + query.getMaxResults() <= groupRows ? path(query) : null;
      List<Boolean> windows = path == null ? List.of(false) : path.groupFirst() ? List.of(true, false)
          : List.of(false, true);
      for (boolean group : windows) {
        windowReads.incrementAndGet();
        List<?> page = executor.query(statement.getConfiguration().getMappedStatement(
            group ? groupRecentStatement : recentStatement), query, bounds, null);
        if (page.size() >= query.getMaxResults()) {
          (group ? fromGroupWindow : fromWindow).incrementAndGet();
          if (path != null) {
            path.answered(group);
          }
          return page;
        }
      }
      fromAll.incrementAndGet();
    }
    return invocation.proceed();
  }

  /**
   * The path of the query's kind: its candidates and its order decide which window holds its page (the user's grants
   * also count, but the same criteria are mostly asked by the same group's members).
   */
  private Path path(TaskQueryImpl query) {
    if (paths.size() > PATHS) {
      paths.clear();
    }
    String kind = query.getCandidateUser() + "|" + query.getCandidateGroup() + "|"
        + query.getCandidateGroupsInternal() + "|" + query.getCandidateGroupLike() + "|"
        + query.isIncludeAssignedTasksInternal() + "|" + windowOrder(query);
    return paths.computeIfAbsent(kind, k -> new Path());
  }

  /** A page of a candidate query, in an order the window can be read in. */
  boolean worthAWindow(TaskQueryImpl query) {
    return query.getQueries().size() == 1 && query.getInvolvedUser() == null
        && (query.getCandidateUser() != null || query.getCandidateGroupsInternal() != null
            || query.getCandidateGroup() != null || query.getCandidateGroupLike() != null)
        && query.getMaxResults() > 0
        && (long) query.getFirstResult() + query.getMaxResults() <= Math.min(LARGEST_PAGE, rows)
        && windowOrder(query) != null;
  }

  /**
   * The order of the window, as the recent-first statement names it: created-desc, created-asc, id-asc (Camunda's
   * order when the query names none) or id-desc; null for any other order.
   */
  public static String windowOrder(Object parameter) {
    if (!(parameter instanceof TaskQueryImpl query)) {
      return null;
    }
    List<QueryOrderingProperty> order = query.getOrderingProperties();
    if (order.isEmpty()) {
      return "id-asc";
    }
    if (order.size() != 1 || order.get(0).getRelation() != null) {
      return null;
    }
    String direction = order.get(0).getDirection() == Direction.DESCENDING ? "desc" : "asc";
    return switch (order.get(0).getQueryProperty().getName()) {
      case "CREATE_TIME_" -> "created-" + direction;
      case "ID_" -> "id-" + direction;
      default -> null;
    };
  }

  /**
   * Which window to read first for a kind of query. Reading the newest tasks first is right for a group with a share
   * of the recent work (its page is there, and the group's window would read all its links); for a group whose tasks
   * are old it is a wasted read. So a kind of query that the group's window answered starts there, and tries the
   * newest tasks first again now and then, in case the group's work has become recent. Either window gives the
   * same page; only the time differs.
   */
  private static final class Path {
    private volatile boolean groupAnswered;
    private final AtomicLong count = new AtomicLong();

    boolean groupFirst() {
      return groupAnswered && count.incrementAndGet() % RETRY_NEWEST != 0;
    }

    void answered(boolean byGroup) {
      groupAnswered = byGroup;
    }
  }
}
