package edu.alumni.engine.audit;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What the audit reads beyond Camunda's query API: the identity link log by task, and an alumnus' records. */
@Mapper
public interface AuditMapper {

  /** Camunda's history service has no identity-link-log query by instance; by task id (indexed) it is one query. */
  List<IdentityLinkRow> selectIdentityLinksOfTasks(@Param("taskIds") Collection<String> taskIds);

  List<AlumnusGiftRow> selectGiftsOfStudent(String studentNo);

  List<String> selectGiftRefsOfStudent(String studentNo);

  /** The business keys of the reunions the alumnus was invited to. */
  List<String> selectReunionKeysOfStudent(String studentNo);

  List<VisitStartRow> selectVisitStartsOfStudent(String studentNo);
}
