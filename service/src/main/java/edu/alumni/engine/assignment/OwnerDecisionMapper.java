package edu.alumni.engine.assignment;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface OwnerDecisionMapper {

  void insertDecision(OwnerDecision decision);

  OwnerDecision selectByTaskId(String taskId);

  List<OwnerDecision> selectByProcessInstanceId(String processInstanceId);
}
