package edu.alumni.engine.audit;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * What the audit reads beyond Camunda's query API: the instance list's selection, the identity link log by task, an
 * alumnus' records.
 */
@Mapper
public interface AuditMapper {

  /**
   * One page of historic instance ids, newest first. Camunda's own query filters a process key through a join with
   * the process definitions and sorts a DISTINCT of the whole result: at 100,000 instances of one process that was
   * 0.6 s on MariaDB. This one reads ACT_HI_PROCINST's own PROC_DEF_KEY_ through the (key, start time) index that
   * {@link edu.alumni.engine.system.EngineIndexes#INSTANCES_BY_KEY_AND_START} adds, and stops after the page.
   */
  List<String> selectInstanceIds(@Param("q") InstanceQuery query, @Param("offset") long offset,
      @Param("limit") int limit);

  long countInstances(@Param("q") InstanceQuery query);

  /** Camunda's history service has no identity-link-log query by instance; by task id (indexed) it is one query. */
  List<IdentityLinkRow> selectIdentityLinksOfTasks(@Param("taskIds") Collection<String> taskIds);

  List<AlumnusGiftRow> selectGiftsOfStudent(String studentNo);

  List<String> selectGiftRefsOfStudent(String studentNo);

  /** The business keys of the reunions the alumnus was invited to. */
  List<String> selectReunionKeysOfStudent(String studentNo);

  List<VisitStartRow> selectVisitStartsOfStudent(String studentNo);
}
