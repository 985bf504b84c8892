package edu.alumni.engine.deployment;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DeploymentRecordMapper {

  void insertRecord(DeploymentRecord record);

  DeploymentRecord selectByDeploymentId(String deploymentId);

  /** The records of these deployments (an empty collection gives none). */
  List<DeploymentRecord> selectByDeploymentIds(@Param("deploymentIds") Collection<String> deploymentIds);
}
