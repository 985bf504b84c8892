package edu.alumni.engine.visit;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface VisitMapper {

  List<VisitCandidateRow> selectVisitCandidates(@Param("runId") long runId, @Param("asOf") LocalDate asOf);

  /** Whether a visit was already started for this alumnus for the as-of date D (a re-run starts nothing new). */
  int countStartedForStudent(@Param("asOf") LocalDate asOf, @Param("studentNo") String studentNo);

  int countStarted(@Param("asOf") LocalDate asOf, @Param("ownerGroup") String ownerGroup);

  void insertStarted(@Param("asOf") LocalDate asOf, @Param("ownerGroup") String ownerGroup,
      @Param("studentNo") String studentNo, @Param("processInstanceId") String processInstanceId,
      @Param("runId") long runId);
}
