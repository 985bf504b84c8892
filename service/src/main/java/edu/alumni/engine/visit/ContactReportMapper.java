package edu.alumni.engine.visit;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ContactReportMapper {

  void insertContactReport(ContactReportRow report);

  int countByTaskId(String taskId);

  List<ContactReportRow> selectByStudentNo(String studentNo);
}
