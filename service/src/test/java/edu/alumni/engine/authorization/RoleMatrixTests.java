package edu.alumni.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.assignment.TaskOwners;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.BuiltInRules;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what, over real HTTP, as every kind of user (the columns, {@link Actor}): every {@code /api} endpoint,
 * the {@code /engine-rest} calls that matter (task lists, working, reassigning and changing tasks, instances,
 * deployments, starts, users and groups, history, definitions, filters) and which Camunda webapps each may open.
 *
 * <p>The tasks are those of a test process whose one user task no assignment rule decides, so its owner is the
 * fallback group ({@link #GROUP_A}); coordinator B is in another unit. Each call that changes something gets a
 * fresh instance of its own.
 */
@Tag("database")
class RoleMatrixTests extends HttpTestSupport {

  static final String PASSWORD = "matrix-Pw-1";
  static final String PROCESS_KEY = "roleMatrix";
  static final String RESOURCES = "edu/alumni/engine/authorization/";
  /** Business keys and deployment names of everything this test makes, so the clean-up finds it all. */
  static final String PREFIX = "rm-";
  static final String DEPLOYMENT_NAME = "role-matrix";
  static final String GROUP_A = TaskOwners.FALLBACK_GROUP;
  static final String GROUP_B = StaffGroups.college("cs");
  static final String MEMBER = PREFIX + "member";
  /** The webapps' start page. */
  static final String WELCOME = "welcome";

  /** The columns of the matrix, in this order. */
  enum Actor {
    ANONYMOUS(null),
    COORDINATOR_A(PREFIX + "coordinator-a", StaffGroups.COORDINATORS, GROUP_A),
    COORDINATOR_B(PREFIX + "coordinator-b", StaffGroups.COORDINATORS, GROUP_B),
    MANAGER(PREFIX + "manager", StaffGroups.MANAGERS),
    AUDITOR(PREFIX + "auditor", StaffGroups.AUDITORS),
    ADMIN(PREFIX + "admin", StaffGroups.ADMINS),
    /** Signed in, in no group. */
    NO_ROLE(PREFIX + "no-role");

    final String user;
    final String[] groups;

    Actor(String user, String... groups) {
      this.user = user;
      this.groups = groups;
    }

    /** A name usable in ids this actor creates. */
    String slug() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** What a request is. */
  record Call(String method, String path, String contentType, byte[] body) {

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * One line of the matrix: a call (made afresh for each actor) and the answer of each actor, in {@link Actor}
   * order: a status ({@code 403}) or a status with the number of items of the JSON array answered ({@code 200:1}).
   */
  record Row(String name, Function<Actor, Call> call, String expected) {

    String expectation(Actor actor) {
      String[] cells = expected.split("\\|");
      if (cells.length != Actor.values().length) {
        throw new IllegalArgumentException(name + ": " + cells.length + " cells, not " + Actor.values().length);
      }
      return cells[actor.ordinal()].strip();
    }
  }

  RuntimeService runtime;
  TaskService tasks;
  RepositoryService repository;
  String deploymentId;
  /** An open task of group A, unclaimed, and one claimed by coordinator A; their instances. */
  String baseInstance;
  String baseTask;
  String ownInstance;
  String ownTask;
  int sequence;

  @BeforeEach
  void usersProcessAndTwoTasks() {
    runtime = processEngine.getRuntimeService();
    tasks = processEngine.getTaskService();
    repository = processEngine.getRepositoryService();
    cleanUp();
    for (Actor actor : Actor.values()) {
      if (actor.user != null) {
        createUser(actor.user, PASSWORD, actor.groups);
      }
    }
    createUser(MEMBER, PASSWORD);
    deploymentId = repository.createDeployment().name(DEPLOYMENT_NAME)
        .addClasspathResource(RESOURCES + "roleMatrix.bpmn").addClasspathResource(RESOURCES + "roleMatrix.form")
        .deploy().getId();
    baseInstance = newInstance("base");
    baseTask = taskOf(baseInstance);
    ownInstance = newInstance("own");
    ownTask = taskOf(ownInstance);
    tasks.claim(ownTask, Actor.COORDINATOR_A.user);
  }

  @AfterEach
  void cleanUp() {
    deleteProcessInstances(PROCESS_KEY, PREFIX + "%");
    for (Deployment d : repository.createDeploymentQuery().deploymentNameLike(DEPLOYMENT_NAME + "%").list()) {
      repository.deleteDeployment(d.getId(), true);
    }
    jdbc.update("DELETE FROM owner_decision WHERE process_key = ?", PROCESS_KEY);
    for (User user : identityService.createUserQuery().list()) {
      if (user.getId().startsWith(PREFIX)) {
        identityService.deleteUser(user.getId());
      }
    }
    for (Group group : identityService.createGroupQuery().list()) {
      if (group.getId().startsWith(PREFIX)) {
        identityService.deleteGroup(group.getId());
      }
    }
  }

  String newInstance(String label) {
    return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(PREFIX + label + "-" + ++sequence)
        .setVariable("subject", "role matrix").execute().getId();
  }

  String taskOf(String instanceId) {
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  String newTask() {
    return taskOf(newInstance("task"));
  }

  /** A task moved from group A to group B, as a manager would (without the checks: this is the fixture). */
  String newTaskOfGroupB() {
    String task = newTask();
    tasks.deleteCandidateGroup(task, GROUP_A);
    tasks.addCandidateGroup(task, GROUP_B);
    return task;
  }

  String newClaimedTask(Actor actor) {
    String task = newTask();
    tasks.claim(task, actor.user);
    return task;
  }

  // ---- the matrix ----

  @TestFactory
  Stream<DynamicTest> api() {
    return walk(apiRows());
  }

  @TestFactory
  Stream<DynamicTest> engineRest() {
    return walk(engineRestRows());
  }

  /**
   * {@code /api} (roles by group, SecurityConfiguration) and the context pages. Calls that would change something
   * carry a body the service refuses after the role check, so an allowed role gets the refusal and nothing changes.
   */
  List<Row> apiRows() {
    String rules = "/api/rules/" + BuiltInRules.SEGMENTS;
    List<Row> rows = new ArrayList<>(List.of(
        //                                                                    anon| A | B |mgr|aud|adm|none
        row("import alumni", a -> csv("/api/alumni/import", ""), "401|400|400|400|403|400|403"),
        row("list alumni", a -> fetch("/api/alumni?size=1"), "401|200|200|200|200|200|403"),
        row("read an alumnus", a -> fetch("/api/alumni/RM-NOBODY"), "401|404|404|404|404|404|403"),
        row("import gifts", a -> csv("/api/gifts/import", ""), "401|403|403|400|403|400|403"),
        row("record a gift", a -> json("POST", "/api/gifts", "{}"), "401|403|403|422|403|422|403"),
        row("start a segmentation run", a -> json("POST", "/api/segmentation/runs", "{\"asOf\": \"not a date\"}"),
            "401|403|403|400|403|400|403"),
        row("list segmentation runs", a -> fetch("/api/segmentation/runs"), "401|403|403|200|200|200|403"),
        row("read a segmentation run", a -> fetch("/api/segmentation/runs/999999999"), "401|403|403|404|404|404|403"),
        row("list segments", a -> fetch("/api/segments"), "401|200|200|200|200|200|200"),
        row("list a segment's members", a -> fetch("/api/segments/DONOR/members?size=1"),
            "401|200|200|200|200|200|403"),
        row("answer an RSVP", a -> json("POST", "/api/reunions/" + PREFIX + "no-reunion/rsvps",
            "{\"studentNo\": \"RM-1\", \"attending\": true, \"guests\": 0}"), "401|404|404|404|403|404|403"),
        row("list rule files", a -> fetch("/api/rules"), "401|403|403|200|200|200|403"),
        row("read a rule file", a -> fetch(rules), "401|403|403|200|200|200|403"),
        row("list a rule file's versions", a -> fetch(rules + "/versions"), "401|403|403|200|200|200|403"),
        row("read a rule version", a -> fetch(rules + "/versions/1"), "401|403|403|200|200|200|403"),
        row("upload a rule file", a -> new Call("PUT", rules, "text/plain", utf8("rule \"broken")),
            "401|403|403|422|403|422|403"),
        row("activate a rule version", a -> json("POST", rules + "/versions/999999/activate", ""),
            "401|403|403|404|403|404|403"),
        row("context page of an alumnus", a -> fetch("/context/alumni/RM-NOBODY"), "401|404|404|404|404|404|403"),
        // the console's own: who is signed in (anyone signed in), the work overview (managers)
        row("console: who is signed in", a -> fetch("/api/me"), "401|200|200|200|200|200|200"),
        row("console: work overview", a -> fetch("/api/work/overview?limit=1"), "401|403|403|200|403|200|403")));
    // API.md audit; deployed processes and instance migration
    rows.addAll(List.of(
        row("audit: historic instances", a -> fetch("/api/audit/process-instances?processKey=" + PROCESS_KEY),
            "401|403|403|200|200|200|403"),
        row("audit: an instance's timeline",
            a -> fetch("/api/audit/process-instances/" + baseInstance + "/timeline"), "401|403|403|200|200|200|403"),
        row("audit: an instance's timeline as CSV",
            a -> fetch("/api/audit/process-instances/" + baseInstance + "/timeline.csv"), "401|403|403|200|200|200|403"),
        row("processes: list", a -> fetch("/api/processes"), "401|403|403|200|200|200|403"),
        // one version only: nothing to migrate, which only a manager (or admin) gets to hear
        row("processes: migrate instances", a -> json("POST", "/api/processes/" + PROCESS_KEY
            + "/migrations", "{}"), "401|403|403|409|403|409|403")));
    return rows;
  }

  /** {@code /engine-rest}: the engine's authorizations (AccessTable and the per-task grants). */
  List<Row> engineRestRows() {
    String base = "processInstanceBusinessKeyIn=" + key(baseInstance) + "," + key(ownInstance);
    return List.of(
        //                                                                    anon| A | B |mgr|aud|adm|none
        // task lists: a coordinator sees the tasks of its groups and its own, nobody else's
        row("tasks of group A", a -> fetch("/engine-rest/task?candidateGroup=" + GROUP_A + "&" + base),
            "401|200:1|200:0|200:1|200:1|200:1|200:0"),
        row("tasks of group A, claimed too", a -> fetch("/engine-rest/task?candidateGroup=" + GROUP_A
            + "&includeAssignedTasks=true&" + base), "401|200:2|200:0|200:2|200:2|200:2|200:0"),
        row("tasks of group B", a -> fetch("/engine-rest/task?candidateGroup=" + GROUP_B + "&" + base),
            "401|200:0|200:0|200:0|200:0|200:0|200:0"),
        row("coordinator A's own tasks", a -> fetch("/engine-rest/task?assignee=" + Actor.COORDINATOR_A.user + "&"
            + base), "401|200:1|200:0|200:1|200:1|200:1|200:0"),
        row("every task", a -> fetch("/engine-rest/task?" + base), "401|200:2|200:0|200:2|200:2|200:2|200:0"),
        row("a task of group A", a -> fetch("/engine-rest/task/" + baseTask), "401|200|404|200|200|200|404"),
        row("its variables", a -> fetch("/engine-rest/task/" + baseTask + "/variables"),
            "401|200|403|200|200|200|403"),
        row("its form (Camunda Form)", a -> fetch("/engine-rest/task/" + baseTask + "/deployed-form"),
            "401|200|403|200|200|200|403"),
        row("its candidate groups", a -> fetch("/engine-rest/task/" + baseTask + "/identity-links"),
            "401|200:1|403|200:1|200:1|200:1|403"),
        row("a task moved from group A to group B", a -> fetch("/engine-rest/task/" + newTaskOfGroupB()),
            "401|404|200|200|200|200|404"),
        // working tasks: their group's members (and the assignee) claim and complete; managers reassign
        row("claim a task of group A", a -> json("POST", "/engine-rest/task/" + newTask() + "/claim",
            userId(a)), "401|204|403|403|403|204|403"),
        row("complete a task of group A", a -> json("POST", "/engine-rest/task/" + newTask() + "/complete", "{}"),
            "401|204|403|403|403|204|403"),
        row("complete a task moved to group B", a -> json("POST", "/engine-rest/task/" + newTaskOfGroupB()
            + "/complete", "{}"), "401|403|204|403|403|204|403"),
        row("complete a task claimed by coordinator A", a -> json("POST", "/engine-rest/task/"
            + newClaimedTask(Actor.COORDINATOR_A) + "/complete", "{}"), "401|204|403|403|403|204|403"),
        row("submit the form of a task of group A", a -> json("POST", "/engine-rest/task/" + newTask()
            + "/submit-form", "{\"variables\": {\"note\": {\"value\": \"done\"}}}"), "401|204|403|403|403|204|403"),
        row("set variables of a task of group A", a -> json("POST", "/engine-rest/task/" + newTask() + "/variables",
            "{\"modifications\": {\"note\": {\"value\": \"changed\"}}}"), "401|403|403|403|403|204|403"),
        row("unclaim a task claimed by coordinator A", a -> json("POST", "/engine-rest/task/"
            + newClaimedTask(Actor.COORDINATOR_A) + "/unclaim", ""), "401|403|403|204|403|204|403"),
        row("assign a task of group A to oneself", a -> json("POST", "/engine-rest/task/" + newTask()
            + "/assignee", userId(a)), "401|403|403|204|403|204|403"),
        row("add a candidate group to a task of group A", a -> json("POST", "/engine-rest/task/" + newTask()
            + "/identity-links", "{\"groupId\": \"" + GROUP_B + "\", \"type\": \"candidate\"}"),
            "401|403|403|204|403|204|403"),
        // instances: read by managers and auditors; deleted and changed only by administrators
        row("process instances", a -> fetch("/engine-rest/process-instance?processDefinitionKey=" + PROCESS_KEY
            + "&businessKey=" + key(baseInstance)), "401|200:0|200:0|200:1|200:1|200:1|200:0"),
        row("an instance's variables", a -> fetch("/engine-rest/process-instance/" + baseInstance + "/variables"),
            "401|403|403|200|200|200|403"),
        row("an instance's activities", a -> fetch("/engine-rest/process-instance/" + baseInstance
            + "/activity-instances"), "401|403|403|200|200|200|403"),
        row("change an instance's variable", a -> json("PUT", "/engine-rest/process-instance/"
            + newInstance("variable") + "/variables/subject", "{\"value\": \"changed\"}"),
            "401|403|403|403|403|204|403"),
        row("delete an instance", a -> new Call("DELETE", "/engine-rest/process-instance/" + newInstance("delete"),
            null, null), "401|403|403|403|403|204|403"),
        row("start an instance by hand", a -> json("POST", "/engine-rest/process-definition/key/" + PROCESS_KEY
            + "/start", "{\"businessKey\": \"" + PREFIX + "started-" + a.slug() + "\"}"),
            "401|403|403|200|403|200|404"),
        // definitions and deployments
        row("process definitions", a -> fetch("/engine-rest/process-definition?key=" + PROCESS_KEY),
            "401|200:1|200:1|200:1|200:1|200:1|200:0"),
        row("a diagram", a -> fetch("/engine-rest/process-definition/key/" + PROCESS_KEY + "/xml"),
            "401|200|200|200|200|200|404"),
        row("deployments", a -> fetch("/engine-rest/deployment?id=" + deploymentId),
            "401|200:0|200:0|200:1|200:1|200:1|200:0"),
        row("deploy a diagram", a -> deployment(a), "401|403|403|200|403|200|403"),
        row("delete a deployment the manager made", a -> new Call("DELETE", "/engine-rest/deployment/"
            + deployedBy(Actor.MANAGER), null, null), "401|404|404|403|403|204|404"),
        // history: managers and auditors (coordinators not even of their own tasks)
        row("historic instances", a -> fetch("/engine-rest/history/process-instance?processInstanceBusinessKey="
            + key(baseInstance)), "401|200:0|200:0|200:1|200:1|200:1|200:0"),
        row("historic tasks", a -> fetch("/engine-rest/history/task?processInstanceBusinessKey="
            + key(baseInstance)), "401|200:0|200:0|200:1|200:1|200:1|200:0"),
        row("historic variables", a -> fetch("/engine-rest/history/variable-instance?processInstanceId="
            + baseInstance), "401|200:0|200:0|200:1|200:1|200:1|200:0"),
        // Tasklist filters: shared with those who use Tasklist
        row("the filter of group tasks", a -> fetch("/engine-rest/filter?resourceType=Task&name="
            + encode(TaskFilters.GROUP_TASKS)), "401|200:1|200:1|200:1|200:0|200:1|200:0"),
        row("the group tasks filter's tasks", a -> json("POST", "/engine-rest/filter/" + filterId() + "/list",
            baseInstances()), "401|200:2|200:0|200:0|403|200:0|403"),
        // users, groups, authorizations: administrators manage; staff read the directory
        row("users", a -> fetch("/engine-rest/user?id=" + Actor.COORDINATOR_B.user),
            "401|200:1|200:1|200:1|200:1|200:1|200:0"),
        row("groups", a -> fetch("/engine-rest/group?id=" + GROUP_B), "401|200:1|200:1|200:1|200:1|200:1|200:0"),
        row("create a user", a -> json("POST", "/engine-rest/user/create", "{\"profile\": {\"id\": \"" + PREFIX
            + "new-" + a.slug() + "\", \"firstName\": \"New\", \"lastName\": \"User\"}, \"credentials\": "
            + "{\"password\": \"" + PASSWORD + "\"}}"), "401|403|403|403|403|204|403"),
        row("create a group", a -> json("POST", "/engine-rest/group/create", "{\"id\": \"" + PREFIX + "group-"
            + a.slug() + "\", \"name\": \"Role matrix\", \"type\": \"" + StaffGroups.TYPE_UNIT + "\"}"),
            "401|403|403|403|403|204|403"),
        row("add a member to a group", a -> new Call("PUT", "/engine-rest/group/" + GROUP_B + "/members/" + MEMBER,
            null, null), "401|403|403|403|403|204|403"),
        row("the managers' grant on process definitions", a -> fetch("/engine-rest/authorization?groupIdIn="
            + StaffGroups.MANAGERS + "&resourceType=" + Resources.PROCESS_DEFINITION.resourceType()),
            "401|200:0|200:0|200:0|200:0|200:1|200:0"));
  }

  private Stream<DynamicTest> walk(List<Row> rows) {
    return rows.stream().flatMap(row -> Arrays.stream(Actor.values()).map(actor ->
        DynamicTest.dynamicTest(row.name() + " as " + actor, () -> check(row, actor))));
  }

  private void check(Row row, Actor actor) {
    Call call = row.call().apply(actor);
    Response r = send(actor, call);
    String expected = row.expectation(actor);
    String what = row.name() + " as " + actor + ": " + call + " → " + r;
    String[] statusAndCount = expected.split(":");
    assertThat(r.status()).as(what).isEqualTo(Integer.parseInt(statusAndCount[0]));
    if (statusAndCount.length == 2) {
      assertThat(r.json().isArray()).as(what).isTrue();
      assertThat(r.json()).as(what).hasSize(Integer.parseInt(statusAndCount[1]));
    }
    if (call.path().startsWith("/api/") && (r.status() == 401 || r.status() == 403)) {
      assertThat(r.isProblem()).as(what).isTrue();
    }
    if (call.path().startsWith("/engine-rest/") && r.status() == 403) {
      assertThat(r.json().get("message").asText()).as(what).contains("does not have", "permission");
    }
  }

  private Response send(Actor actor, Call call) {
    HttpRequest.Builder b = request(call.path()).method(call.method(), call.body() == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (call.contentType() != null) {
      b.header("Content-Type", call.contentType());
    }
    return send(b, actor.user, actor.user == null ? null : PASSWORD);
  }

  private static Row row(String name, Function<Actor, Call> call, String expected) {
    return new Row(name, call, expected);
  }

  private static Call fetch(String path) {
    return new Call("GET", path, null, null);
  }

  private static Call json(String method, String path, String json) {
    return new Call(method, path, "application/json", utf8(json));
  }

  private static Call csv(String path, String csv) {
    return new Call("POST", path, "text/csv", utf8(csv));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String userId(Actor actor) {
    return "{\"userId\": \"" + (actor.user == null ? Actor.NO_ROLE.user : actor.user) + "\"}";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String key(String instanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  /** A task query that narrows a filter's list to the two base instances. */
  private String baseInstances() {
    return "{\"processInstanceIdIn\": [\"" + baseInstance + "\", \"" + ownInstance + "\"]}";
  }

  private String filterId() {
    return TaskFilters.sharedFilterIds(processEngine.getFilterService(), TaskFilters.GROUP_TASKS).get(0);
  }

  /** The id of a deployment {@code actor} made through /engine-rest (its maker is granted READ on it, no more). */
  private String deployedBy(Actor actor) {
    Call deploy = deployment(actor);
    Response r = send(actor, deploy);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  /** POST /engine-rest/deployment/create: a one-event diagram in a deployment named after the actor. */
  private static Call deployment(Actor actor) {
    String boundary = "role-matrix-boundary";
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="deployed" targetNamespace="http://alumni.edu/test">
          <bpmn:process id="roleMatrixDeployed" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + DEPLOYMENT_NAME + "-" + actor.slug() + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"roleMatrixDeployed.bpmn\""
        + "\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return new Call("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        utf8(body));
  }

  // ---- the webapps ----

  /** Camunda's Application resource: Tasklist for coordinators and managers, Cockpit for managers and auditors. */
  @Test
  void eachRoleSignsInToItsWebappsOnly() {
    Map<Actor, Set<String>> apps = new EnumMap<>(Actor.class);
    apps.put(Actor.COORDINATOR_A, Set.of(AccessTable.TASKLIST));
    apps.put(Actor.COORDINATOR_B, Set.of(AccessTable.TASKLIST));
    apps.put(Actor.MANAGER, Set.of(AccessTable.TASKLIST, AccessTable.COCKPIT));
    apps.put(Actor.AUDITOR, Set.of(AccessTable.COCKPIT));
    apps.put(Actor.ADMIN, Set.of(AccessTable.TASKLIST, AccessTable.COCKPIT, AccessTable.ADMIN_APP));
    apps.put(Actor.NO_ROLE, Set.of());
    List<String> all = List.of(AccessTable.TASKLIST, AccessTable.COCKPIT, AccessTable.ADMIN_APP);
    for (var actor : apps.entrySet()) {
      // the start page ("welcome") is open to everyone signed in; its login answers every app the user may open
      Response r = Webapp.open(this).login(WELCOME, actor.getKey().user, PASSWORD);
      assertThat(r.status()).as(actor.getKey() + ": " + r).isEqualTo(200);
      Set<String> authorized = new TreeSet<>();
      r.json().get("authorizedApps").forEach(app -> authorized.add(app.asText()));
      authorized.remove(WELCOME);
      assertThat(authorized).as(actor.getKey() + ": " + r).isEqualTo(actor.getValue());
      // and signing in to an app the user may not open is refused
      for (String app : all.stream().filter(a -> !actor.getValue().contains(a)).limit(1).toList()) {
        Response refused = Webapp.open(this).login(app, actor.getKey().user, PASSWORD);
        assertThat(refused.status()).as(actor.getKey() + " signs in to " + app + ": " + refused).isEqualTo(403);
      }
    }
    assertThat(get("/camunda/api/engine/engine/default/task", null, null).status()).isEqualTo(401);
  }

  /** In Tasklist itself (its session, its own API): the shared filters and, under them, the group's tasks. */
  @Test
  void aCoordinatorFindsTheGroupsTasksInTasklist() {
    for (Actor actor : List.of(Actor.COORDINATOR_A, Actor.COORDINATOR_B)) {
      Webapp tasklist = Webapp.open(this);
      assertThat(tasklist.login(AccessTable.TASKLIST, actor.user, PASSWORD).status()).isEqualTo(200);

      Response filters = tasklist.call("GET", "/camunda/api/engine/engine/default/filter?resourceType=Task", null);
      assertThat(filters.status()).as(filters.toString()).isEqualTo(200);
      assertThat(filters.json().findValuesAsText("name")).contains(TaskFilters.GROUP_TASKS, TaskFilters.MY_TASKS,
          TaskFilters.ALL_TASKS);
      Response listed = tasklist.call("POST", "/camunda/api/engine/engine/default/filter/" + filterId() + "/list",
          baseInstances());
      assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
      Set<String> ids = new TreeSet<>(listed.json().findValuesAsText("id"));
      assertThat(ids).as(actor + ": " + listed).isEqualTo(actor == Actor.COORDINATOR_A
          ? new TreeSet<>(Set.of(baseTask, ownTask)) : Set.of());
    }
  }

  /** A session of a Camunda webapp: its cookies and the CSRF token its API wants on every change. */
  static final class Webapp {
    private final RoleMatrixTests test;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private Webapp(RoleMatrixTests test) {
      this.test = test;
    }

    /** A first request to the webapps' API, which sets the session and CSRF cookies. */
    static Webapp open(RoleMatrixTests test) {
      Webapp webapp = new Webapp(test);
      webapp.keepCookies(test.get("/camunda/api/engine/engine/", null, null));
      assertThat(webapp.cookies).containsKey("XSRF-TOKEN");
      return webapp;
    }

    /** The webapps' login form: 200 with the apps the user may open, 403 when {@code app} is not among them. */
    Response login(String app, String user, String password) {
      String form = "username=" + encode(user) + "&password=" + encode(password);
      return call("POST", "/camunda/api/admin/auth/user/default/login/" + app, form,
          "application/x-www-form-urlencoded");
    }

    Response call(String method, String path, String json) {
      return call(method, path, json, "application/json");
    }

    Response call(String method, String path, String body, String contentType) {
      HttpRequest.Builder b = test.request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        b.header("Content-Type", contentType);
      }
      if (!cookies.isEmpty()) {
        b.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        b.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      return keepCookies(HttpTestSupport.send(b, null, null));
    }

    private Response keepCookies(Response r) {
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
      return r;
    }
  }

  // ---- a manager moves a task ----

  /**
   * A manager hands a task coordinator A has claimed to group B and one of its members: A no longer sees or works it
   * (Camunda alone would leave A's grants on the task, DefaultGrants takes them away), B does.
   */
  @Test
  void aTaskAManagerMovesToAnotherGroupIsNoLongerTheFirstGroups() {
    String task = newClaimedTask(Actor.COORDINATOR_A);
    String links = "/engine-rest/task/" + task + "/identity-links";
    String manager = Actor.MANAGER.user;

    assertThat(postJson(links, "{\"groupId\": \"" + GROUP_B + "\", \"type\": \"candidate\"}", manager, PASSWORD)
        .status()).isEqualTo(204);
    assertThat(postJson(links + "/delete", "{\"groupId\": \"" + GROUP_A + "\", \"type\": \"candidate\"}", manager,
        PASSWORD).status()).isEqualTo(204);
    assertThat(postJson("/engine-rest/task/" + task + "/assignee", userId(Actor.COORDINATOR_B), manager, PASSWORD)
        .status()).isEqualTo(204);

    assertThat(get("/engine-rest/task/" + task, Actor.COORDINATOR_A.user, PASSWORD).status()).isEqualTo(404);
    assertThat(get("/engine-rest/task?candidateGroup=" + GROUP_A + "&includeAssignedTasks=true&processInstanceId="
        + runtimeOf(task), Actor.COORDINATOR_A.user, PASSWORD).json()).isEmpty();
    assertThat(postJson("/engine-rest/task/" + task + "/complete", "{}", Actor.COORDINATOR_A.user, PASSWORD)
        .status()).isEqualTo(403);
    assertThat(get("/engine-rest/task?assignee=" + Actor.COORDINATOR_B.user + "&processInstanceId=" + runtimeOf(task),
        Actor.COORDINATOR_B.user, PASSWORD).json().findValuesAsText("id")).containsExactly(task);
    assertThat(postJson("/engine-rest/task/" + task + "/complete", "{}", Actor.COORDINATOR_B.user, PASSWORD)
        .status()).isEqualTo(204);
  }

  private String runtimeOf(String task) {
    return tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
  }

  // ---- the service's own code inside a user's request ----

  /**
   * A coordinator completes the task; the expression after it queries the engine inside that request and sees
   * every running instance, though the coordinator may read none: the service's code is not limited by the user
   * (application.yaml, {@code enabled-for-custom-code: false}). A manager's start runs the owner rules the same way.
   */
  @Test
  void theServicesOwnCodeIsNotLimitedByTheUserOfTheRequest() {
    String instance = newInstance("count");
    String task = taskOf(instance);
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Response visible = get("/engine-rest/process-instance?processDefinitionKey=" + PROCESS_KEY,
        Actor.COORDINATOR_A.user, PASSWORD);
    assertThat(visible.json()).as(visible.toString()).isEmpty();

    Response done = postJson("/engine-rest/task/" + task + "/complete", "{}", Actor.COORDINATOR_A.user, PASSWORD);

    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    HistoricVariableInstance seen = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("instancesSeen").singleResult();
    assertThat(seen.getValue()).isEqualTo(running);

    Response started = postJson("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
        "{\"businessKey\": \"" + PREFIX + "by-hand\"}", Actor.MANAGER.user, PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String startedTask = taskOf(started.json().get("id").asText());
    assertThat(tasks.getIdentityLinksForTask(startedTask)).extracting(link -> link.getGroupId())
        .containsExactly(GROUP_A);
    assertThat(jdbc.queryForObject("SELECT candidate_groups FROM owner_decision WHERE task_id = ?", String.class,
        startedTask)).isEqualTo(GROUP_A);
    JsonNode groupTasks = get("/engine-rest/task?candidateGroup=" + GROUP_A + "&processInstanceBusinessKey="
        + PREFIX + "by-hand", Actor.COORDINATOR_A.user, PASSWORD).json();
    assertThat(groupTasks.findValuesAsText("id")).containsExactly(startedTask);
  }
}
