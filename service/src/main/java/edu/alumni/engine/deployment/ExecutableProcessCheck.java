package edu.alumni.engine.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
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
 * its id through {@code camunda:formRef}). Anything else — a diagram of non-executable processes, nothing at all,
 * a form without an id or components — is refused.
 */
final class ExecutableProcessCheck implements Deployer {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      String problem = formProblem(resources.get(name).getBytes());
      if (problem != null) {
        problems.add(name + ": " + problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Not a Camunda Form: " + String.join("; ", problems)
          + ". Save the form from Camunda Modeler or the console. Nothing was deployed.");
    }
  }

  /** Why a form file is not a Camunda Form the diagrams can reference, or null. */
  private static String formProblem(byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      return "not JSON (" + e.getOriginalMessage() + ")";
    }
    if (form == null || !form.isObject()) {
      return "not a JSON object";
    }
    if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      return "no \"id\" (camunda:formRef finds a form by its id)";
    }
    if (!form.path("components").isArray()) {
      return "no \"components\" list";
    }
    return null;
  }
}
