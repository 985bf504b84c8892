package edu.alumni.engine.reunion;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ReunionMapper {

  /** Living cohort members who may be contacted (SEGMENTS.md "contactable": consent and an e-mail or phone). */
  List<String> selectContactableCohort(@Param("college") String college,
      @Param("graduationYear") int graduationYear);

  List<String> selectInvitedStudentNos(String businessKey);

  void insertInvitation(@Param("businessKey") String businessKey, @Param("studentNo") String studentNo,
      @Param("invitedAt") LocalDateTime invitedAt);

  Invitation selectInvitation(@Param("businessKey") String businessKey, @Param("studentNo") String studentNo);

  void updateRsvp(@Param("businessKey") String businessKey, @Param("studentNo") String studentNo,
      @Param("attending") boolean attending, @Param("guests") int guests,
      @Param("answeredAt") LocalDateTime answeredAt, @Param("answeredBy") String answeredBy);

  /** Attending alumni plus their guests. */
  int selectHeadCount(String businessKey);

  List<Invitation> selectInvitationsOfStudent(String studentNo);

  /** Invitations and RSVPs of every reunion of a cohort, by business key prefix ({@code reunion-cs-2016-}). */
  List<Invitation> selectInvitationsByKeyPrefix(String businessKeyPrefix);

  /** REUNION_MILESTONE members of a segmentation run, counted by class (college, graduation year). */
  List<MilestoneCohort> selectMilestoneCohorts(long runId);
}
