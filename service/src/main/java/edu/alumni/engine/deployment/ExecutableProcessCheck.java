package edu.alumni.engine.deployment;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs after the engine's deployers on every new deployment: a deployment must bring an executable process, or
 * else consist of Camunda Forms only (Camunda Modeler deploys a changed form on its own; the diagrams find it by
 * its id through {@code camunda:formRef}; {@link DeploymentResourceCheck} has checked that they are). Anything else
 * — a diagram of non-executable processes, nothing at all — is refused.
 */
final class ExecutableProcessCheck implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ProcessDefinitionEntity> processes = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
    if (processes != null && !processes.isEmpty()) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
    List<String> names = resources.keySet().stream().sorted().toList();
    boolean formsOnly = !names.isEmpty() && names.stream().allMatch(DeploymentResourceCheck::form);
    if (!formsOnly) {
      throw new BadUserRequestException("The deployment" + (deployment.getName() == null ? "" : " '"
          + deployment.getName() + "'") + " holds no executable BPMN process (resources: "
          + (names.isEmpty() ? "none" : String.join(", ", names)) + "). Deploy a .bpmn diagram with an"
          + " executable process, with its forms, or Camunda Forms alone. Nothing was deployed.");
    }
  }
}
