package edu.alumni.engine.authorization;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's default grants on new things, with two changes.
 *
 * <p>Grants on a task follow the task when a manager moves it: Camunda keeps a group's grant when the group stops
 * being a candidate, and the previous assignee's grant when the task is reassigned or unclaimed, so a coordinator
 * would go on seeing and completing a task that is no longer theirs. Here the group's grant goes with its
 * candidacy, and the previous assignee's with the assignment unless they are still the task's owner or a candidate
 * user (Camunda keeps one grant per user and task for all three).
 *
 * <p>Whoever deploys gets READ on the deployment, not also DELETE: deleting a deployment (with its running
 * instances, when cascading) is for administrators, like deleting instances.
 *
 * <p>And a process task created in the current command is not looked up for a stored grant before its candidates
 * get theirs: its id is new, so there is none (Camunda queries anyway, once per candidate of every new task).
 */
@Component
class DefaultGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
      AuthorizationEntity[] granted = super.newDeployment(deployment);
      if (granted != null) {
        for (AuthorizationEntity grant : granted) {
          grant.removePermission(Permissions.DELETE);
        }
      }
      return granted;
    }

    @Override
    protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
        Resource resource) {
      return isNewProcessTask(taskId) ? null : super.getGrantAuthorization(taskId, userId, groupId, resource);
    }

    /**
     * A task of a process instance that this command inserts: its id comes from the engine's id generator, so no
     * grant can name it yet (a standalone task may have an id chosen by hand, and a grant made for it beforehand).
     */
    private static boolean isNewProcessTask(String taskId) {
      CommandContext command = Context.getCommandContext();
      if (command == null || taskId == null) {
        return false;
      }
      CachedDbEntity cached = command.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class,
          taskId);
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT
          && ((TaskEntity) cached.getEntity()).getProcessInstanceId() != null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity grant = IdentityLinkType.CANDIDATE.equals(type)
          ? getGrantAuthorizationByGroupId(groupId, TASK, task.getId()) : null;
      // the engine deletes what is returned here
      return grant == null ? null : new AuthorizationEntity[] {grant};
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
      if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())
          && !isCandidateUser(task, oldAssignee)) {
        AuthorizationEntity previous = getGrantAuthorizationByUserId(oldAssignee, TASK, task.getId());
        if (previous != null) {
          Context.getCommandContext().getAuthorizationManager()
              .deleteDefaultAuthorizations(new AuthorizationEntity[] {previous});
        }
      }
      return granted;
    }

    private static boolean isCandidateUser(Task task, String userId) {
      return task instanceof TaskEntity entity && entity.getIdentityLinks().stream()
          .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
              && Objects.equals(userId, link.getUserId()));
    }
  }
}
