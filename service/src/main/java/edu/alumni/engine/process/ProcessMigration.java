package edu.alumni.engine.process;

import edu.alumni.engine.system.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of a process's older versions to its latest version with the engine's migration
 * API: one plan per older version (equal activities mapped to each other), then each instance on its own, in its
 * own transaction, so that one instance that cannot move (it waits in an activity the new version no longer has)
 * stops only itself. Timers keep their due dates (event triggers are not updated): a migration never moves a
 * deadline.
 */
@Service
public class ProcessMigration {

  private static final Logger log = LoggerFactory.getLogger(ProcessMigration.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;

  public ProcessMigration(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  /**
   * @throws NotFoundException when no process has this key
   * @throws NothingToMigrateException when no instance runs on an older version
   */
  public MigrationReport migrateToLatest(String processKey, String user) {
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (target == null) {
      throw new NotFoundException("There is no process with the key '" + processKey + "'; GET /api/processes lists"
          + " the deployed processes.");
    }
    List<ProcessInstance> older = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
        .orderByProcessInstanceId().asc().list().stream()
        .filter(instance -> !instance.getProcessDefinitionId().equals(target.getId()))
        .toList();
    if (older.isEmpty()) {
      throw new NothingToMigrateException("No instance of '" + processKey + "' runs on a version older than version "
          + target.getVersion() + " (the latest): there is nothing to migrate.");
    }
    Map<String, ProcessDefinition> versions = repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
    // oldest version first, each version's instances in id order
    Map<ProcessDefinition, List<ProcessInstance>> bySource = new LinkedHashMap<>();
    older.stream()
        .sorted(Comparator.comparingInt((ProcessInstance i) -> versions.get(i.getProcessDefinitionId()).getVersion()))
        .forEach(i -> bySource.computeIfAbsent(versions.get(i.getProcessDefinitionId()), v -> new ArrayList<>())
            .add(i));

    List<MigrationReport.Migrated> migrated = new ArrayList<>();
    List<MigrationReport.NotMigrated> notMigrated = new ArrayList<>();
    bySource.forEach((source, instances) -> {
      MigrationPlan plan;
      try {
        plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
      } catch (MigrationPlanValidationException e) {
        List<String> reasons = reasons(e);
        instances.forEach(i -> notMigrated.add(new MigrationReport.NotMigrated(i.getId(), i.getBusinessKey(),
            source.getVersion(), reasons)));
        return;
      }
      for (ProcessInstance instance : instances) {
        List<String> reasons = migrate(plan, instance);
        if (reasons.isEmpty()) {
          migrated.add(new MigrationReport.Migrated(instance.getId(), instance.getBusinessKey(), source.getVersion()));
        } else {
          notMigrated.add(new MigrationReport.NotMigrated(instance.getId(), instance.getBusinessKey(),
              source.getVersion(), reasons));
        }
      }
    });
    log.info("{} migrated instances of '{}' to version {}: {} moved, {} could not", user, processKey,
        target.getVersion(), migrated.size(), notMigrated.size());
    return new MigrationReport(processKey, target.getVersion(), target.getId(), migrated, notMigrated);
  }

  /** Migrates one instance; the reasons it could not, or none. */
  private List<String> migrate(MigrationPlan plan, ProcessInstance instance) {
    try {
      runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
      return List.of();
    } catch (MigratingProcessInstanceValidationException e) {
      return reasons(e.getValidationReport());
    } catch (ProcessEngineException e) {
      return List.of(e.getMessage());
    }
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> reasons.add("activity '" + activity.getSourceScopeId() + "': " + f));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> reasons.add("activity '" + transition.getSourceScopeId() + "': " + f));
    }
    return reasons;
  }

  private static List<String> reasons(MigrationPlanValidationException e) {
    List<String> reasons = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : e.getValidationReport().getInstructionReports()) {
      instruction.getFailures().forEach(f -> reasons.add("instruction " + instruction.getMigrationInstruction()
          + ": " + f));
    }
    return reasons.isEmpty() ? List.of(e.getMessage()) : reasons;
  }
}
