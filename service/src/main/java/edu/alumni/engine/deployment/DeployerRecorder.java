package edu.alumni.engine.deployment;

import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Runs last on every new deployment, inside the deployment's transaction: records who deployed it, the user the
 * engine knows as authenticated (the REST API's HTTP Basic user, the webapps' user), or {@value #SYSTEM} when no one
 * is (the service's own deployment of the shipped diagrams at start-up).
 */
final class DeployerRecorder implements Deployer {

  static final String SYSTEM = "system";

  /** Where the record goes. */
  @FunctionalInterface
  interface Log {
    void deployed(String deploymentId, String deployedBy, Date deployedAt);
  }

  private final Log log;

  DeployerRecorder(Log log) {
    this.log = log;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    String user = Context.getCommandContext().getAuthenticatedUserId();
    log.deployed(deployment.getId(), user == null ? SYSTEM : user, deployment.getDeploymentTime());
  }
}
