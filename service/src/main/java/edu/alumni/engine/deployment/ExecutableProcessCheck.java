package edu.alumni.engine.deployment;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Runs after the engine's deployers on every new deployment: a deployment that brings no executable process (only
 * forms, a diagram of non-executable processes, nothing at all) is refused.
 */
final class ExecutableProcessCheck implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ProcessDefinitionEntity> processes = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
    if (processes == null || processes.isEmpty()) {
      List<String> resources = deployment.getResources() == null ? List.of()
          : deployment.getResources().keySet().stream().sorted().toList();
      throw new BadUserRequestException("The deployment" + (deployment.getName() == null ? "" : " '"
          + deployment.getName() + "'") + " holds no executable BPMN process (resources: "
          + (resources.isEmpty() ? "none" : String.join(", ", resources)) + "). Deploy a .bpmn diagram with an"
          + " executable process, with its forms. Nothing was deployed.");
    }
  }
}
