package edu.alumni.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default grants of DefaultGrants against a real engine with authorization on. */
class DefaultGrantsTests {

  static ProcessEngine engine;
  static TaskService tasks;
  static AuthorizationService authorizations;
  static final AtomicInteger grantLookups = new AtomicInteger();

  /** Counts the engine's lookups of a stored grant ("selectAuthorizationByParameters"). */
  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  public static class GrantLookups implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (((MappedStatement) invocation.getArgs()[0]).getId().endsWith("selectAuthorizationByParameters")) {
        grantLookups.incrementAndGet();
      }
      return invocation.proceed();
    }
  }

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName("default-grants-tests");
    config.setJdbcUrl("jdbc:h2:mem:default-grants-tests;DB_CLOSE_DELAY=-1");
    config.setJobExecutorActivate(false);
    config.setAuthorizationEnabled(true);
    config.setDefaultUserPermissionForTask(TaskPermissions.TASK_WORK);
    config.getProcessEnginePlugins().add(new DefaultGrants());
    engine = config.buildProcessEngine();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().addInterceptor(new GrantLookups());
    tasks = engine.getTaskService();
    authorizations = engine.getAuthorizationService();
    // the group is a candidate from the diagram: added while the task is created
    engine.getRepositoryService().createDeployment().addModelInstance("grants.bpmn",
        Bpmn.createExecutableProcess("grants").camundaHistoryTimeToLive(1).startEvent()
            .userTask("work").camundaCandidateGroups("group-a,group-b").endEvent().done()).deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void noTasks() {
    engine.getRuntimeService().createProcessInstanceQuery().list().forEach(p ->
        engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    tasks.createTaskQuery().list().forEach(t -> tasks.deleteTask(t.getId(), true));
  }

  private static List<Authorization> grantsOn(String taskId) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
  }

  @Test
  void aNewProcessTaskGrantsItsCandidateGroupsWithoutLookingForStoredGrants() {
    grantLookups.set(0);
    engine.getRuntimeService().startProcessInstanceByKey("grants");

    String task = tasks.createTaskQuery().singleResult().getId();
    assertThat(grantsOn(task)).extracting(Authorization::getGroupId)
        .containsExactlyInAnyOrder("group-a", "group-b");
    assertThat(grantsOn(task)).allMatch(a -> a.isPermissionGranted(TaskPermissions.TASK_WORK));
    assertThat(grantLookups.get()).isZero();
  }

  @Test
  void aStoredTaskLooksItsGrantUpAndKeepsOnePerGroup() {
    engine.getRuntimeService().startProcessInstanceByKey("grants");
    String task = tasks.createTaskQuery().singleResult().getId();
    grantLookups.set(0);

    tasks.addCandidateGroup(task, "group-a"); // again, in a later command
    tasks.addCandidateGroup(task, "group-c");

    assertThat(grantLookups.get()).isEqualTo(2);
    assertThat(grantsOn(task)).extracting(Authorization::getGroupId)
        .containsExactlyInAnyOrder("group-a", "group-b", "group-c");
  }

  @Test
  void aStandaloneTaskKeepsAGrantMadeForItsIdBeforehand() {
    Authorization before = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    before.setGroupId("group-a");
    before.setResource(Resources.TASK);
    before.setResourceId("chosen-id");
    before.addPermission(Permissions.READ);
    authorizations.saveAuthorization(before);

    Task task = tasks.newTask("chosen-id");
    tasks.saveTask(task);
    tasks.addCandidateGroup("chosen-id", "group-a");

    List<Authorization> grants = grantsOn("chosen-id");
    assertThat(grants).hasSize(1);
    assertThat(grants.get(0).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grants.get(0).isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
  }
}
