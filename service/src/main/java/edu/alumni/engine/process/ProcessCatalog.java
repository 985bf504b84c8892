package edu.alumni.engine.process;

import edu.alumni.engine.deployment.DeploymentRecord;
import edu.alumni.engine.deployment.DeploymentRecordMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/** The deployed processes and their versions, read from the engine and the deployer records. */
@Service
public class ProcessCatalog {

  private final RepositoryService repository;
  private final ManagementService management;
  private final DeploymentRecordMapper deployers;
  private final Clock clock;

  public ProcessCatalog(RepositoryService repository, ManagementService management,
      DeploymentRecordMapper deployers, Clock clock) {
    this.repository = repository;
    this.management = management;
    this.deployers = deployers;
    this.clock = clock;
  }

  /** Every process key, in key order, each with its versions newest first. */
  public List<ProcessSummary> list() {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
    // four queries in all, however many versions: running instances per definition, deployments, deployers
    Map<String, Integer> running = management.createProcessDefinitionStatisticsQuery().list().stream()
        .collect(Collectors.toMap(ProcessDefinitionStatistics::getId, ProcessDefinitionStatistics::getInstances));
    Set<String> deploymentIds = definitions.stream().map(ProcessDefinition::getDeploymentId)
        .collect(Collectors.toSet());
    Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
        .filter(d -> deploymentIds.contains(d.getId()))
        .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    Map<String, String> deployedBy = deployers.selectByDeploymentIds(deploymentIds).stream()
        .collect(Collectors.toMap(DeploymentRecord::deploymentId, DeploymentRecord::deployedBy));

    Map<String, List<ProcessVersion>> byKey = new LinkedHashMap<>();
    for (ProcessDefinition d : definitions) {
      Deployment deployment = deployments.get(d.getDeploymentId());
      byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(new ProcessVersion(d.getVersion(), d.getId(),
          d.getName(), d.getVersionTag(), d.getDeploymentId(), deployment == null ? null : deployment.getName(),
          deployment == null ? null : local(deployment), deployedBy.get(d.getDeploymentId()),
          running.getOrDefault(d.getId(), 0), d.isSuspended()));
    }
    return byKey.entrySet().stream().map(e -> {
      List<ProcessVersion> versions = List.copyOf(e.getValue());
      ProcessVersion latest = versions.get(0);
      return new ProcessSummary(e.getKey(), latest.name(), latest.version(),
          versions.stream().mapToLong(ProcessVersion::runningInstances).sum(), versions);
    }).toList();
  }

  private LocalDateTime local(Deployment deployment) {
    return deployment.getDeploymentTime() == null ? null
        : LocalDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), clock.getZone());
  }
}
