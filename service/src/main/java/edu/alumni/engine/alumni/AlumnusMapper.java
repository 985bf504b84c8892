package edu.alumni.engine.alumni;

import java.util.Collection;
import java.util.List;
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

  void insertAlumnus(Alumnus alumnus);

  void updateAlumnus(Alumnus alumnus);
}
