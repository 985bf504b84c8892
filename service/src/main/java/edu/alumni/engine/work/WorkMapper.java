package edu.alumni.engine.work;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads Camunda's runtime task tables (read only): one aggregate instead of loading every open task. */
@Mapper
public interface WorkMapper {

  List<WorkCountRow> selectCounts(@Param("now") Date now);

  /** Per process; a task with several candidate groups counts once. */
  List<WorkCountRow> selectProcessCounts(@Param("now") Date now);

  long countOpen();

  long countOverdue(@Param("now") Date now);

  List<OpenTaskRow> selectTasks(@Param("now") Date now, @Param("group") String group,
      @Param("processKey") String processKey, @Param("overdueOnly") boolean overdueOnly, @Param("limit") int limit);

  List<CandidateGroupRow> selectCandidateGroups(@Param("taskIds") Collection<String> taskIds);
}
