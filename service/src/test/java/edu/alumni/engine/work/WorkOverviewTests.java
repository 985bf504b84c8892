package edu.alumni.engine.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET /api/work/overview}: open and overdue tasks by owner group and process. */
@Tag("database")
class WorkOverviewTests extends HttpTestSupport {

  static final String PASSWORD = "work-Pw-1";
  static final String MANAGER = "work-manager";
  static final String KEY = "workOverviewProbe";

  private TaskService tasks;

  @BeforeEach
  void processWithTasks() {
    tasks = processEngine.getTaskService();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      // one user task the assignment rules do not own (accepted fallback: alumni-office)
      BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30)
          .startEvent().userTask("chore").name("A chore").endEvent().done();
      CamundaProperty fallback = model.newInstance(CamundaProperty.class);
      fallback.setCamundaName("ownerFallback");
      fallback.setCamundaValue("accepted");
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      properties.getCamundaProperties().add(fallback);
      model.<UserTask>getModelElementById("chore").builder().addExtensionElement(properties);
      processEngine.getRepositoryService().createDeployment().name("work-tests")
          .addModelInstance(KEY + ".bpmn", model).deploy();
    }
    deleteProcessInstances(KEY, "wo-%");
  }

  @AfterEach
  void cleanUp() {
    deleteProcessInstances(KEY, "wo-%");
    deleteUser(MANAGER);
  }

  private Task start(String businessKey) {
    processEngine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey);
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private JsonNode overview(String query) {
    Response r = get("/api/work/overview" + query, MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false).filter(n -> value.equals(n.path(field).asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
  }

  @Test
  void countsByGroupAndProcessWithOverdueTasksFirst() {
    Task onTime = start("wo-1");
    Task late = start("wo-2");
    Task shared = start("wo-3");
    late.setDueDate(new Date(System.currentTimeMillis() - 3_600_000L));
    tasks.saveTask(late);
    onTime.setDueDate(new Date(System.currentTimeMillis() + 86_400_000L));
    tasks.saveTask(onTime);
    tasks.addCandidateGroup(shared.getId(), "college-cs");

    JsonNode w = overview("?processKey=" + KEY);

    JsonNode cell = StreamSupport.stream(w.get("cells").spliterator(), false)
        .filter(c -> KEY.equals(c.path("processKey").asText()) && "alumni-office".equals(c.path("group").asText()))
        .findFirst().orElseThrow();
    assertThat(cell.get("open").asLong()).isEqualTo(3);
    assertThat(cell.get("overdue").asLong()).isEqualTo(1);
    // the task of two groups counts in each group, once in its process
    JsonNode cs = StreamSupport.stream(w.get("cells").spliterator(), false)
        .filter(c -> KEY.equals(c.path("processKey").asText()) && "college-cs".equals(c.path("group").asText()))
        .findFirst().orElseThrow();
    assertThat(cs.get("open").asLong()).isEqualTo(1);
    JsonNode process = find(w.get("byProcess"), "processKey", KEY);
    assertThat(process.get("open").asLong()).isEqualTo(3);
    assertThat(process.get("overdue").asLong()).isEqualTo(1);
    assertThat(find(w.get("byGroup"), "group", "alumni-office").get("groupName").asText()).contains("Alumni office");
    assertThat(w.get("openTasks").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(w.get("overdueTasks").asLong()).isGreaterThanOrEqualTo(1);

    List<String> listed = w.get("tasks").findValuesAsText("id");
    assertThat(listed).containsExactly(late.getId(), onTime.getId(), shared.getId());
    JsonNode first = w.get("tasks").get(0);
    assertThat(first.get("overdue").asBoolean()).isTrue();
    assertThat(first.get("businessKey").asText()).isEqualTo("wo-2");
    assertThat(first.get("name").asText()).isEqualTo("A chore");
    assertThat(first.get("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + late.getId());
    assertThat(StreamSupport.stream(w.get("tasks").get(2).get("groups").spliterator(), false).map(JsonNode::asText))
        .containsExactly("alumni-office", "college-cs");
  }

  @Test
  void filtersAndLimit() {
    Task late = start("wo-4");
    start("wo-5");
    late.setDueDate(new Date(System.currentTimeMillis() - 60_000L));
    tasks.saveTask(late);

    assertThat(overview("?processKey=" + KEY + "&overdueOnly=true").get("tasks").findValuesAsText("id"))
        .containsExactly(late.getId());
    JsonNode limited = overview("?processKey=" + KEY + "&limit=1");
    assertThat(limited.get("tasks")).hasSize(1);
    assertThat(limited.get("moreTasks").asBoolean()).isTrue();
    assertThat(overview("?processKey=" + KEY + "&group=college-cs").get("tasks")).isEmpty();
  }
}
