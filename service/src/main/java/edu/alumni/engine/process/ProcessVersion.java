package edu.alumni.engine.process;

import java.time.LocalDateTime;

/**
 * One deployed version of a process: its definition, how many instances run on it, when it was deployed and by
 * whom ({@code deployedBy} absent for a deployment made before deployers were recorded).
 */
public record ProcessVersion(int version, String definitionId, String name, String versionTag, String deploymentId,
    String deploymentName, LocalDateTime deployedAt, String deployedBy, long runningInstances, boolean suspended) {
}
