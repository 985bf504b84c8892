package edu.alumni.engine.deployment;

import java.time.LocalDateTime;

/** Who made a deployment and when (in the university's time zone). */
public record DeploymentRecord(String deploymentId, String deployedBy, LocalDateTime deployedAt) {
}
