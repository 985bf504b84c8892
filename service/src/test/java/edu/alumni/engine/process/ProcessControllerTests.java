package edu.alumni.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.deployment.DeploymentValidationPlugin;
import edu.alumni.engine.deployment.MultipartForm;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.VisitCycle;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/processes} and {@code POST /api/processes/{key}/migrations} over HTTP, with a probe process
 * deployed through {@code /engine-rest} in two versions: the second drops the step some instances wait in.
 */
@Tag("database")
class ProcessControllerTests extends HttpTestSupport {

  static final String KEY = "migrationProbe";
  static final String DEPLOYMENT_NAME = "process-controller-test";
  static final String DEPLOYER = "process-deployer-test";
  static final String MANAGER = "process-manager-test";
  static final String COORDINATOR = "process-coordinator-test";
  static final String PASSWORD = "process-test-password";

  @BeforeEach
  void users() {
    createUser(DEPLOYER, PASSWORD, StaffGroups.ADMINS);
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS);
  }

  @AfterEach
  void cleanUp() {
    deleteProcessInstances(KEY, "%");
    for (Deployment d : processEngine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .list()) {
      processEngine.getRepositoryService().deleteDeployment(d.getId(), true);
      jdbc.update("DELETE FROM deployment_record WHERE deployment_id = ?", d.getId());
    }
    List.of(DEPLOYER, MANAGER, COORDINATOR).forEach(this::deleteUser);
  }

  /** The probe process: start, then the given user tasks in a row (each accepts the fallback owner), end. */
  static String probe(String... taskKeys) {
    StringBuilder flow = new StringBuilder("<bpmn:startEvent id=\"start\"/>\n");
    String previous = "start";
    for (String task : taskKeys) {
      flow.append("<bpmn:sequenceFlow id=\"to_").append(task).append("\" sourceRef=\"").append(previous)
          .append("\" targetRef=\"").append(task).append("\"/>\n")
          .append("<bpmn:userTask id=\"").append(task).append("\"><bpmn:extensionElements><camunda:properties>")
          .append("<camunda:property name=\"").append(DeploymentValidationPlugin.OWNER_FALLBACK).append("\" value=\"")
          .append(DeploymentValidationPlugin.OWNER_FALLBACK_ACCEPTED).append("\"/></camunda:properties>")
          .append("</bpmn:extensionElements></bpmn:userTask>\n");
      previous = task;
    }
    flow.append("<bpmn:sequenceFlow id=\"to_end\" sourceRef=\"").append(previous).append("\" targetRef=\"end\"/>\n")
        .append("<bpmn:endEvent id=\"end\"/>\n");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\" targetNamespace=\"http://test\">\n"
        + "<bpmn:process id=\"" + KEY + "\" name=\"Migration probe\" isExecutable=\"true\""
        + " camunda:historyTimeToLive=\"1\">\n" + flow + "</bpmn:process>\n</bpmn:definitions>\n";
  }

  private String deploy(String diagram) {
    MultipartForm form = MultipartForm.deployment(DEPLOYMENT_NAME).file(KEY + ".bpmn", diagram);
    Response r = post(MultipartForm.DEPLOYMENT_CREATE, form.contentType(), form.body(), DEPLOYER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  private ProcessInstance start(String businessKey) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey);
  }

  private void complete(ProcessInstance instance, String taskKey) {
    TaskService tasks = processEngine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult().getId());
  }

  private JsonNode probeSummary() {
    Response r = get("/api/processes", MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return StreamSupport.stream(r.json().spliterator(), false).filter(p -> KEY.equals(p.get("key").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + KEY + " in " + r));
  }

  @Test
  void processesListEveryVersionWithItsInstancesDeploymentAndDeployer() {
    String v1 = deploy(probe("stepOne", "stepTwo"));
    start("mp-a");
    start("mp-b");
    String v2 = deploy(probe("stepOne", "stepTwo", "stepThree"));
    start("mp-c");

    Response r = get("/api/processes", MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    // every deployed key once, in key order; the shipped ones deployed by the service at start-up
    List<String> keys = StreamSupport.stream(r.json().spliterator(), false).map(p -> p.get("key").asText()).toList();
    assertThat(keys).contains(KEY, VisitCycle.PROCESS_KEY).isSorted().doesNotHaveDuplicates();
    JsonNode visits = StreamSupport.stream(r.json().spliterator(), false)
        .filter(p -> VisitCycle.PROCESS_KEY.equals(p.get("key").asText())).findFirst().orElseThrow();
    assertThat(visits.get("versions").get(0).get("deployedBy").asText()).isEqualTo("system");

    JsonNode probe = probeSummary();
    assertThat(probe.get("name").asText()).isEqualTo("Migration probe");
    assertThat(probe.get("latestVersion").asInt()).isEqualTo(2);
    assertThat(probe.get("runningInstances").asLong()).isEqualTo(3);
    JsonNode versions = probe.get("versions");
    assertThat(versions).hasSize(2);
    assertVersion(versions.get(0), 2, v2, 1);
    assertVersion(versions.get(1), 1, v1, 2);
  }

  private static void assertVersion(JsonNode version, int number, String deploymentId, long running) {
    assertThat(version.get("version").asInt()).isEqualTo(number);
    assertThat(version.get("definitionId").asText()).startsWith(KEY + ":" + number + ":");
    assertThat(version.get("deploymentId").asText()).isEqualTo(deploymentId);
    assertThat(version.get("deploymentName").asText()).isEqualTo(DEPLOYMENT_NAME);
    assertThat(version.get("deployedBy").asText()).isEqualTo(DEPLOYER);
    assertThat(version.get("deployedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
    assertThat(version.get("runningInstances").asLong()).isEqualTo(running);
    assertThat(version.get("suspended").asBoolean()).isFalse();
  }

  @Test
  void migrationMovesWhatCanMoveAndSaysWhyTheOthersCannot() {
    deploy(probe("stepOne", "stepTwo"));
    ProcessInstance atOne = start("mp-one");
    ProcessInstance atTwo = start("mp-two");
    complete(atTwo, "stepOne");
    ProcessInstance alsoAtOne = start("mp-one-again");
    // the new version drops stepTwo
    deploy(probe("stepOne"));
    String target = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();

    Response r = postJson("/api/processes/" + KEY + "/migrations", "", MANAGER, PASSWORD);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("processKey").asText()).isEqualTo(KEY);
    assertThat(report.get("targetVersion").asInt()).isEqualTo(2);
    assertThat(report.get("targetDefinitionId").asText()).isEqualTo(target);
    assertThat(report.get("migrated").findValuesAsText("processInstanceId"))
        .containsExactlyInAnyOrder(atOne.getId(), alsoAtOne.getId());
    assertThat(report.get("migrated").findValuesAsText("businessKey"))
        .containsExactlyInAnyOrder("mp-one", "mp-one-again");
    assertThat(report.get("migrated").findValuesAsText("fromVersion")).containsOnly("1");
    assertThat(report.get("notMigrated")).hasSize(1);
    JsonNode stuck = report.get("notMigrated").get(0);
    assertThat(stuck.get("processInstanceId").asText()).isEqualTo(atTwo.getId());
    assertThat(stuck.get("businessKey").asText()).isEqualTo("mp-two");
    assertThat(stuck.get("fromVersion").asInt()).isEqualTo(1);
    assertThat(stuck.get("reasons").toString()).contains("activity 'stepTwo'");

    // the engine agrees: moved instances run on version 2 and still wait in stepOne; the other is untouched
    RuntimeService runtime = processEngine.getRuntimeService();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atOne.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(target);
    assertThat(runtime.getActiveActivityIds(atOne.getId())).containsExactly("stepOne");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atTwo.getId()).singleResult()
        .getProcessDefinitionId()).isNotEqualTo(target);
    assertThat(runtime.getActiveActivityIds(atTwo.getId())).containsExactly("stepTwo");
    JsonNode versions = probeSummary().get("versions");
    assertThat(versions.get(0).get("runningInstances").asLong()).isEqualTo(2);
    assertThat(versions.get(1).get("runningInstances").asLong()).isEqualTo(1);
    // a moved instance goes on in the new version
    complete(atOne, "stepOne");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atOne.getId()).count()).isZero();

    // once the stuck one has gone, nothing is left to migrate
    runtime.deleteProcessInstance(atTwo.getId(), "test");
    Response nothing = postJson("/api/processes/" + KEY + "/migrations", "", MANAGER, PASSWORD);
    assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);
    assertThat(nothing.isProblem()).isTrue();
    assertThat(nothing.json().get("type").asText()).endsWith("/nothing-to-migrate");
    assertThat(nothing.json().get("detail").asText()).contains("No instance of 'migrationProbe' runs on a version"
        + " older than version 2");
  }

  @Test
  void anUnknownProcessIsNotFoundAndOnlyManagersMigrate() {
    Response unknown = postJson("/api/processes/noSuchProcess/migrations", "", MANAGER, PASSWORD);
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(unknown.json().get("detail").asText()).contains("There is no process with the key 'noSuchProcess'");

    assertThat(postJson("/api/processes/" + KEY + "/migrations", "", COORDINATOR, PASSWORD).status())
        .isEqualTo(403);
    assertThat(postJson("/api/processes/" + KEY + "/migrations", "", null, null).status()).isEqualTo(401);
    assertThat(get("/api/processes", null, null).status()).isEqualTo(401);
  }
}
