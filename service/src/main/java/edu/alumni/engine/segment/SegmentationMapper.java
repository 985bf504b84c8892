package edu.alumni.engine.segment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SegmentationMapper {

  // --- reading the registry, one chunk at a time, in student_no order

  List<AlumnusFactsRow> selectAlumniChunk(@Param("after") String afterStudentNo, @Param("limit") int limit);

  /** One alumnus's row, as a run reads it (null when there is none): for a process that asks the segment rules. */
  AlumnusFactsRow selectAlumnusFacts(String studentNo);

  List<GiftYearRow> selectGiftYears(@Param("first") String firstStudentNo, @Param("last") String lastStudentNo,
      @Param("asOf") LocalDate asOf, @Param("fiveYearsAgo") LocalDate fiveYearsAgo);

  // --- runs

  Long selectMaxRunId();

  void insertRun(SegmentationRun run);

  void updateRunProgress(@Param("id") long id, @Param("alumniEvaluated") long alumniEvaluated);

  void updateRunFinished(@Param("id") long id, @Param("status") String status,
      @Param("finishedAt") LocalDateTime finishedAt, @Param("alumniEvaluated") long alumniEvaluated,
      @Param("durationMs") long durationMs, @Param("errorText") String errorText);

  int failRunningRuns(@Param("finishedAt") LocalDateTime finishedAt, @Param("errorText") String errorText);

  SegmentationRun selectRun(long id);

  List<SegmentationRun> selectRuns(@Param("limit") int limit);

  SegmentationRun selectRunningRun();

  List<Long> selectRunIdsWithMembershipsBefore(@Param("keepFrom") long keepFromRunId);

  void insertCount(@Param("runId") long runId, @Param("segmentCode") String segmentCode,
      @Param("memberCount") long memberCount);

  List<SegmentCount> selectCounts(long runId);

  void insertStarted(@Param("runId") long runId, @Param("processKey") String processKey,
      @Param("startedCount") int startedCount);

  List<StartedCount> selectStarted(long runId);

  // --- the current run

  Long selectCurrentRunId();

  int updateCurrentRun(long runId);

  void insertCurrentRun(long runId);

  // --- memberships

  void insertMembership(MembershipRow membership);

  int deleteMembershipsOfRun(@Param("runId") long runId, @Param("limit") int limit);

  /** An alumnus' memberships in a run, looked up by primary key for each of the given segment codes. */
  List<MembershipRow> selectMembershipsOfStudent(@Param("runId") long runId, @Param("studentNo") String studentNo,
      @Param("segmentCodes") List<String> segmentCodes);

  List<SegmentMember> selectMembersPage(@Param("runId") long runId, @Param("segmentCode") String segmentCode,
      @Param("offset") long offset, @Param("limit") int limit);

  List<String> selectMemberStudentNos(@Param("runId") long runId, @Param("segmentCode") String segmentCode);
}
