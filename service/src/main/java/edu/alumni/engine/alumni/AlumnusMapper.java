package edu.alumni.engine.alumni;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AlumnusMapper {

  Alumnus selectByStudentNo(String studentNo);

  /** The stored rows among the given student numbers (one round trip per import chunk). */
  List<Alumnus> selectByStudentNos(@Param("studentNos") Collection<String> studentNos);

  /** Which of the given student numbers are stored. */
  List<String> selectExistingStudentNos(@Param("studentNos") Collection<String> studentNos);

  AlumnusFacts selectFactsByStudentNo(String studentNo);

  List<AlumnusListItem> selectPage(@Param("filter") AlumniFilter filter, @Param("offset") long offset,
      @Param("limit") int limit);

  long countMatching(@Param("filter") AlumniFilter filter);

  long countAll();

  /** Any one student number, or null when the registry is empty. */
  String selectAnyStudentNo();

  void insertAlumnus(Alumnus alumnus);

  /** Sends the statements a batch session holds (one JDBC batch per import chunk, not one for the whole file). */
  @Flush
  List<BatchResult> flushStatements();

  void updateAlumnus(Alumnus alumnus);

  /** Moves lastVisitDate forward to {@code visitDate} (never back). */
  int updateLastVisitDate(@Param("studentNo") String studentNo, @Param("visitDate") java.time.LocalDate visitDate);

  /** Contact data corrected in a contact report; null arguments leave a field as it is. */
  int updateContactData(@Param("studentNo") String studentNo, @Param("email") String email,
      @Param("phone") String phone, @Param("city") String city, @Param("chapterCode") String chapterCode,
      @Param("employer") String employer, @Param("jobTitle") String jobTitle);
}
