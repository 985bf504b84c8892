package edu.alumni.engine.system;

import java.util.List;
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
 * A page of a group's tasks, looked for among the first open tasks in the page's order before all of them.
 *
 * <p>Tasklist asks for the first page of a group's tasks, newest first. No index serves "the group's tasks by
 * creation time": the database either reads every task of the group and sorts them (slow for a group with
 * thousands of tasks), or walks all tasks by creation time until the page is full (slow for a group whose tasks
 * are old or few). So the page is first looked for among the first {@code rows} tasks in the page's order, read
 * from the creation-time index (or the primary key) alone; a group with a share of the recent work fills its page
 * there. Only when that window holds less than a page does the full statement run, led by the group's links.
 *
 * <p>The answer is the full statement's: if the window holds a page of matches, no task outside it can come
 * before them in the order (tasks created in the same second may come in another order, as in any query that sorts
 * by creation time alone).
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public class RecentTasksFirst implements Interceptor {

  /** Pages larger than this skip the window: it would rarely hold them. */
  static final int LARGEST_PAGE = 200;

  private final String listStatement;
  private final String recentStatement;
  private final int rows;
  /** Pages answered from the window, and pages that needed the full statement. */
  final AtomicLong fromWindow = new AtomicLong();
  final AtomicLong fromAll = new AtomicLong();

  RecentTasksFirst(String listStatement, String recentStatement, int rows) {
    this.listStatement = listStatement;
    this.recentStatement = recentStatement;
    this.rows = rows;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement statement = (MappedStatement) args[0];
    if (statement.getId().equals(listStatement) && args[1] instanceof TaskQueryImpl query && args[3] == null
        && worthAWindow(query)) {
      MappedStatement recent = statement.getConfiguration().getMappedStatement(recentStatement);
      List<?> page = ((Executor) invocation.getTarget()).query(recent, query, (RowBounds) args[2], null);
      if (page.size() >= query.getMaxResults()) {
        fromWindow.incrementAndGet();
        return page;
      }
      fromAll.incrementAndGet();
    }
    return invocation.proceed();
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
}
