package edu.alumni.engine.process;

import java.util.List;

/**
 * What a migration to the latest version did, instance by instance: those that moved, and those that could not
 * with the engine's reasons (they stay on their version, unchanged).
 */
public record MigrationReport(String processKey, int targetVersion, String targetDefinitionId,
    List<Migrated> migrated, List<NotMigrated> notMigrated) {

  /** An instance now running on the target version. */
  public record Migrated(String processInstanceId, String businessKey, int fromVersion) {
  }

  /** An instance left on its version, and why. */
  public record NotMigrated(String processInstanceId, String businessKey, int fromVersion, List<String> reasons) {
  }
}
