package edu.alumni.engine.assignment;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OwnerDecisionMapper {

  /** The decisions of one engine command, in one statement. */
  void insertDecisions(@Param("decisions") List<OwnerDecision> decisions);

  OwnerDecision selectByTaskId(String taskId);

  List<OwnerDecision> selectByProcessInstanceId(String processInstanceId);
}
