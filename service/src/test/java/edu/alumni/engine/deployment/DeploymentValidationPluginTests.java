package edu.alumni.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import edu.alumni.engine.assignment.ProcessTestEngine;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deployment validation on a plain engine (no Spring): what it refuses, with which message at which element,
 * what it lets through (the shipped diagrams), and that nothing of a refused deployment is stored. The engine knows
 * the beans of the shipped diagrams and {@code mailer}; the assignment rules are the shipped ones unless a test
 * swaps them.
 */
class DeploymentValidationPluginTests {

  static final String MAILER = "mailer";
  static final RuleSet SHIPPED_RULES = ProcessTestEngine.assignmentRules();

  static ProcessEngine engine;
  static RepositoryService repository;
  static volatile RuleSet rules = SHIPPED_RULES;
  static final List<DeploymentRecord> recorded = new CopyOnWriteArrayList<>();
  final List<String> deployments = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    String name = "deployment-validation-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    Map<Object, Object> beans = new HashMap<>();
    for (String bean : List.of("dueDates", "sendInvitationsDelegate", "recordContactReportDelegate",
        "decideFollowUpsDelegate", "classifyGiftDelegate", "allocateGiftDelegate", "checkFundraisableDelegate",
        MAILER)) {
      beans.put(bean, new Object());
    }
    configuration.setBeans(beans);
    configuration.setProcessEnginePlugins(List.of(new DeploymentValidationPlugin(() -> rules,
        beans::containsKey, (id, by, at) -> recorded.add(new DeploymentRecord(id, by, null)))));
    engine = configuration.buildProcessEngine();
    repository = engine.getRepositoryService();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void cleanUp() {
    rules = SHIPPED_RULES;
    engine.getIdentityService().clearAuthentication();
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Diagrams
  // ---------------------------------------------------------------------------------------------------------------

  /** A diagram of one process with a line per element, so that line numbers are those of the text below. */
  static String diagram(String processId, String processAttributes, String... elements) {
    return String.join("\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"defs\" targetNamespace=\"http://test\">",
        "<bpmn:process id=\"" + processId + "\" isExecutable=\"true\" " + processAttributes + ">",
        String.join("\n", elements),
        "</bpmn:process>",
        "</bpmn:definitions>");
  }

  /** A process with a TTL: start, the given elements, with flows start → first → ... → end added by the test. */
  static String process(String processId, String... elements) {
    return diagram(processId, "camunda:historyTimeToLive=\"30\"", elements);
  }

  static String fallbackAccepted() {
    return "<bpmn:extensionElements><camunda:properties><camunda:property name=\""
        + DeploymentValidationPlugin.OWNER_FALLBACK + "\" value=\"" + DeploymentValidationPlugin.OWNER_FALLBACK_ACCEPTED
        + "\"/></camunda:properties></bpmn:extensionElements>";
  }

  /** The 1-based line of the first line of the text holding the fragment. */
  static int lineOf(String text, String fragment) {
    int at = text.indexOf(fragment);
    assertThat(at).as("fragment %s", fragment).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  Deployment deploy(String resourceName, String text) {
    Deployment deployment = repository.createDeployment().name("validation-test")
        .addString(resourceName, text).deploy();
    deployments.add(deployment.getId());
    return deployment;
  }

  /** Deploys a diagram expected to be refused; the deployment list is unchanged; the report of the resource. */
  List<Problem> refusedDiagram(String resourceName, String text) {
    long before = repository.createDeploymentQuery().count();
    ParseException e = catchThrowableOfType(ParseException.class, () -> deploy(resourceName, text));
    assertThat(e).as("refused with a ParseException").isNotNull();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(e.getResorceReports()).extracting(ResourceReport::getResourceName).containsExactly(resourceName);
    return e.getResorceReports().get(0).getErrors();
  }

  static void assertProblem(Problem problem, String mainElementId, int line, String... messageParts) {
    assertThat(problem.getMainElementId()).as(problem.getMessage()).isEqualTo(mainElementId);
    assertThat(problem.getElementIds()).contains(mainElementId);
    assertThat(problem.getLine()).as(problem.getMessage()).isEqualTo(line);
    assertThat(problem.getColumn()).isPositive();
    assertThat(problem.getMessage()).contains(messageParts);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What passes
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void theShippedDiagramsAndFormsPassAndTheDeployerIsRecorded() throws IOException {
    DeploymentBuilder builder = repository.createDeployment().name("shipped");
    int diagrams = 0;
    for (String pattern : List.of("classpath:processes/*.bpmn", "classpath:processes/forms/*.form")) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          builder.addString(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        diagrams += resource.getFilename().endsWith(".bpmn") ? 1 : 0;
      }
    }
    assertThat(diagrams).isEqualTo(3);

    Deployment deployment = builder.deploy();
    deployments.add(deployment.getId());

    assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count()).isEqualTo(3);
    assertThat(recorded).contains(new DeploymentRecord(deployment.getId(), DeployerRecorder.SYSTEM, null));
  }

  @Test
  void theAuthenticatedUserIsRecordedAsTheDeployer() {
    engine.getIdentityService().setAuthenticatedUserId("demo-manager");
    Deployment deployment = deploy("owned.bpmn", process("ownedProcess",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>"));

    assertThat(recorded).contains(new DeploymentRecord(deployment.getId(), "demo-manager", null));
  }

  @Test
  void beansEngineNamesVariablesFunctionsAndLiteralTimersPass() {
    deploy("fine.bpmn", process("fineProcess",
        "<bpmn:startEvent id=\"start\"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 9 * * ?</bpmn:timeCycle>"
            + "</bpmn:timerEventDefinition></bpmn:startEvent>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"send\"/>",
        "<bpmn:serviceTask id=\"send\" camunda:delegateExpression=\"${mailer}\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"send\" targetRef=\"call\"/>",
        "<bpmn:serviceTask id=\"call\" camunda:expression=\"${mailer.send(execution, task.id, 'x')}\"/>",
        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"call\" targetRef=\"gate\"/>",
        "<bpmn:exclusiveGateway id=\"gate\" default=\"f5\"/>",
        "<bpmn:sequenceFlow id=\"f4\" sourceRef=\"gate\" targetRef=\"wait\"><bpmn:conditionExpression"
            + " xsi:type=\"bpmn:tFormalExpression\">${someVariable &amp;&amp; execution.getVariable('x') != null"
            + " &amp;&amp; gift.amount &gt; 0}</bpmn:conditionExpression></bpmn:sequenceFlow>",
        "<bpmn:sequenceFlow id=\"f5\" sourceRef=\"gate\" targetRef=\"wait\"/>",
        "<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:timerEventDefinition><bpmn:timeDuration>"
            + "${dateTime().plusDays(2).toDate() == null ? 'P1D' : nextWait}</bpmn:timeDuration>"
            + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
        "<bpmn:sequenceFlow id=\"f6\" sourceRef=\"wait\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\" name=\"Chore for ${studentNo}\">" + fallbackAccepted() + "</bpmn:userTask>",
        "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>"
            + "<bpmn:timeDuration>P3DT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"deadline\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>"
            + "<bpmn:timeDate>2030-01-31T18:00:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:scriptTask id=\"script\" scriptFormat=\"groovy\"><bpmn:script>\"${not an expression\"</bpmn:script>"
            + "</bpmn:scriptTask>"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What is refused
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefusedOnce() {
    String text = diagram("noTtl", "name=\"No TTL\"",
        "<bpmn:startEvent id=\"start\"/>");

    List<Problem> problems = refusedDiagram("noTtl.bpmn", text);

    // one problem: the engine's own check (enforceHistoryTimeToLive) does not say it a second time
    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "noTtl", lineOf(text, "<bpmn:process"), "process 'noTtl': no historyTimeToLive",
        "camunda:historyTimeToLive");
  }

  @Test
  void aUserTaskNoRuleOwnsIsRefusedUnlessItAcceptsTheFallback() {
    String text = process("unowned",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"approvePlan\"/>",
        "<bpmn:userTask id=\"approvePlan\" name=\"A known key of another process\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"approvePlan\" targetRef=\"odd\"/>",
        "<bpmn:userTask id=\"odd\"><bpmn:extensionElements><camunda:properties><camunda:property"
            + " name=\"ownerFallback\" value=\"yes\"/></camunda:properties></bpmn:extensionElements></bpmn:userTask>",
        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"odd\" targetRef=\"fine\"/>",
        "<bpmn:userTask id=\"fine\">" + fallbackAccepted() + "</bpmn:userTask>");

    List<Problem> problems = refusedDiagram("unowned.bpmn", text);

    assertThat(problems).hasSize(2);
    assertProblem(problems.get(0), "approvePlan", lineOf(text, "<bpmn:userTask id=\"approvePlan\""),
        "userTask 'approvePlan': the assignment rules decide no owner for task 'approvePlan' of process 'unowned'",
        "ownerFallback = accepted");
    assertProblem(problems.get(1), "odd", lineOf(text, "<bpmn:userTask id=\"odd\""),
        "task 'odd' of process 'unowned'", "(it is 'yes')");
  }

  @Test
  void aTaskKeyTheRulesInForceOwnIsAccepted() {
    // the rules in force decide; a rule set that owns every task lets an unknown key through
    rules = RuleSet.compile(Map.of(BuiltInRules.path(BuiltInRules.ASSIGNMENT), OWN_EVERYTHING));
    deploy("ownedByRule.bpmn", process("ownedByRule",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"newChore\"/>",
        "<bpmn:userTask id=\"newChore\"/>"));
  }

  static final String OWN_EVERYTHING = """
      package edu.alumni.rules.assignment
      global java.util.List assignments
      rule "Everything: the alumni office"
      when
          $t : TaskContext()
      then
          assignments.add( new Assignment( java.util.List.of( "alumni-office" ), null, null, "all", "all" ) );
      end
      """;

  @Test
  void aDelegateExpressionNamingNoBeanIsRefused() {
    String text = process("unknownBean",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"notify\"/>",
        "<bpmn:serviceTask id=\"notify\" camunda:delegateExpression=\"${notifyDonorDelegate}\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"notify\" targetRef=\"listen\"/>",
        "<bpmn:task id=\"listen\"><bpmn:extensionElements>",
        "<camunda:executionListener event=\"start\" delegateExpression=\"${auditListener}\"/>",
        "</bpmn:extensionElements></bpmn:task>");

    List<Problem> problems = refusedDiagram("unknownBean.bpmn", text);

    assertThat(problems).hasSize(2);
    assertProblem(problems.get(0), "notify", lineOf(text, "<bpmn:serviceTask"),
        "serviceTask 'notify': delegateExpression '${notifyDonorDelegate}' names 'notifyDonorDelegate', which is"
            + " not a bean of the service");
    // a listener inside the task: its own line, pinned to the task
    assertProblem(problems.get(1), "listen", lineOf(text, "<camunda:executionListener"),
        "task 'listen': delegateExpression '${auditListener}' names 'auditListener'");
  }

  @Test
  void aDelegateExpressionThatIsNoExpressionIsRefused() {
    String text = process("literalDelegate",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"classify\"/>",
        "<bpmn:serviceTask id=\"classify\" camunda:delegateExpression=\"classifyGiftDelegate\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"classify\" targetRef=\"allocate\"/>",
        "<bpmn:serviceTask id=\"allocate\" camunda:delegateExpression=\"\"/>",
        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"allocate\" targetRef=\"end\"/>",
        "<bpmn:endEvent id=\"end\"/>");

    List<Problem> problems = refusedDiagram("literalDelegate.bpmn", text);

    assertThat(problems).hasSize(2);
    assertProblem(problems.get(0), "classify", lineOf(text, "<bpmn:serviceTask id=\"classify\""),
        "serviceTask 'classify': delegateExpression 'classifyGiftDelegate' is not an expression that gives the "
            + "delegate; write the bean's name as ${beanName}");
    assertProblem(problems.get(1), "allocate", lineOf(text, "<bpmn:serviceTask id=\"allocate\""),
        "serviceTask 'allocate': delegateExpression '' is not an expression that gives the delegate");
  }

  @Test
  void aMethodCallOnNoBeanIsRefusedWhereverTheExpressionIs() {
    String text = process("unknownMethodBase",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"call\"/>",
        "<bpmn:serviceTask id=\"call\" camunda:expression=\"${mailer.send(execution)}\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"call\" targetRef=\"gate\"/>",
        "<bpmn:exclusiveGateway id=\"gate\" default=\"f4\"/>",
        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"gate\" targetRef=\"end\"><bpmn:conditionExpression"
            + " xsi:type=\"bpmn:tFormalExpression\">${giftRules.isMajor(execution)}</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>",
        "<bpmn:sequenceFlow id=\"f4\" sourceRef=\"gate\" targetRef=\"end\"/>",
        "<bpmn:endEvent id=\"end\"/>");

    List<Problem> problems = refusedDiagram("unknownMethodBase.bpmn", text);

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "f3", lineOf(text, "<bpmn:sequenceFlow id=\"f3\""),
        "sequenceFlow 'f3': conditionExpression '${giftRules.isMajor(execution)}' calls a method of 'giftRules',"
            + " which is not a bean of the service");
  }

  @Test
  void anExpressionThatDoesNotParseIsAParseErrorAtItsElementNotAnInternalError() {
    String text = process("brokenExpression",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"gate\"/>",
        "<bpmn:exclusiveGateway id=\"gate\" default=\"f3\"/>",
        "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"gate\" targetRef=\"end\">",
        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${budget &gt;}</bpmn:conditionExpression>",
        "</bpmn:sequenceFlow>",
        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"gate\" targetRef=\"end\"/>",
        "<bpmn:endEvent id=\"end\"/>");

    List<Problem> problems = refusedDiagram("brokenExpression.bpmn", text);

    // the engine itself stops at it with ENGINE-01009 (no element, HTTP 500); the validator reported it first
    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "f2", lineOf(text, "<bpmn:conditionExpression"),
        "sequenceFlow 'f2': conditionExpression '${budget >}' is not a valid expression");
  }

  @Test
  void timersThatDoNotParseAreRefusedAtTheirEvent() {
    String text = process("badTimers",
        "<bpmn:startEvent id=\"start\"><bpmn:timerEventDefinition id=\"startTimer\">",
        "<bpmn:timeCycle>every day</bpmn:timeCycle>",
        "</bpmn:timerEventDefinition></bpmn:startEvent>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>",
        "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDuration>P3X</bpmn:timeDuration>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"deadline\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDate>31.01.2030</bpmn:timeDate>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"overdue\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDate>${deadlines.of(execution, 'chore')}</bpmn:timeDate>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"broken\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDate>${dueDates.of(execution, 'chore'}</bpmn:timeDate>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"empty\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDuration>  </bpmn:timeDuration>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>");

    List<Problem> problems = refusedDiagram("badTimers.bpmn", text);

    assertThat(problems).hasSize(6);
    assertProblem(problems.get(0), "start", lineOf(text, "<bpmn:timeCycle>"),
        "startEvent 'start': timeCycle 'every day' is not an ISO 8601 repeating interval (e.g. R3/PT10H) or a cron"
            + " expression");
    assertThat(problems.get(0).getElementIds()).containsExactly("start");
    assertProblem(problems.get(1), "late", lineOf(text, "<bpmn:timeDuration>P3X"),
        "boundaryEvent 'late': timeDuration 'P3X' is not an ISO 8601 duration");
    assertProblem(problems.get(2), "deadline", lineOf(text, "<bpmn:timeDate>31"),
        "boundaryEvent 'deadline': timeDate '31.01.2030' is not an ISO 8601 date-time");
    assertProblem(problems.get(3), "overdue", lineOf(text, "<bpmn:timeDate>${deadlines"),
        "boundaryEvent 'overdue': timeDate '${deadlines.of(execution, 'chore')}' calls a method of 'deadlines'");
    assertProblem(problems.get(4), "broken", lineOf(text, "<bpmn:timeDate>${dueDates"),
        "boundaryEvent 'broken': timeDate '${dueDates.of(execution, 'chore'}' is not a valid expression");
    assertProblem(problems.get(5), "empty", lineOf(text, "<bpmn:timeDuration>  "),
        "boundaryEvent 'empty': timeDuration is empty");
  }

  @Test
  void everyProblemOfEveryProcessIsReportedAtOnceInDocumentOrder() {
    String text = String.join("\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\" targetNamespace=\"http://test\">",
        "<bpmn:process id=\"first\" isExecutable=\"true\">",
        "<bpmn:userTask id=\"a\"/>",
        "</bpmn:process>",
        "<bpmn:process id=\"notRun\" isExecutable=\"false\">",
        "<bpmn:userTask id=\"ignored\"/>",
        "</bpmn:process>",
        "<bpmn:process id=\"second\" isExecutable=\"true\" camunda:historyTimeToLive=\"5\">",
        "<bpmn:subProcess id=\"sub\"><bpmn:serviceTask id=\"b\" camunda:delegateExpression=\"${nobody}\"/>",
        "</bpmn:subProcess>",
        "</bpmn:process>",
        "</bpmn:definitions>");

    List<Problem> problems = refusedDiagram("two.bpmn", text);

    // the validator's problems first, then the engine's own (the processes have no start event), in one report
    assertThat(problems).extracting(Problem::getMainElementId).startsWith("first", "a", "b");
    assertThat(problems).extracting(Problem::getMainElementId).doesNotContain("notRun", "ignored");
    assertThat(problems.subList(3, problems.size())).isNotEmpty()
        .allSatisfy(p -> assertThat(p.getMessage()).contains("must define a startEvent"));
  }

  @Test
  void aFileThatIsNotADiagramIsRefusedWithoutStoringAnything() {
    long before = repository.createDeploymentQuery().count();

    BadUserRequestException text = catchThrowableOfType(BadUserRequestException.class, () -> repository
        .createDeployment().addString("notes.txt", "hello").addString("fine.form", "{}").deploy());
    assertThat(text.getMessage()).contains("Only BPMN diagrams (.bpmn) and their Camunda Forms (.form)",
        "refused: notes.txt.", "Nothing was deployed.");
    // the engine's deployers match suffixes case-sensitively: an upper-case diagram would be stored unparsed
    assertThat(catchThrowableOfType(BadUserRequestException.class, () -> repository.createDeployment()
        .addString("Shouting.BPMN", process("shouting", "<bpmn:startEvent id=\"start\"/>")).deploy()).getMessage())
        .contains("refused: Shouting.BPMN.");

    List<Problem> notXml = refusedDiagram("notXml.bpmn", "this is not XML");
    assertThat(notXml).hasSize(1);
    assertThat(notXml.get(0).getMessage()).startsWith("notXml.bpmn is not XML (line 1, column 1)");
    assertThat(notXml.get(0).getLine()).isEqualTo(1);

    List<Problem> notBpmn = refusedDiagram("notBpmn.bpmn", "<?xml version=\"1.0\"?>\n<html><body/></html>");
    assertThat(notBpmn.get(0).getMessage()).contains("notBpmn.bpmn is XML but not a BPMN diagram",
        "its root element is <html>");
    assertThat(notBpmn.get(0).getLine()).isEqualTo(2);

    BadUserRequestException notAForm = catchThrowableOfType(BadUserRequestException.class, () -> repository
        .createDeployment().name("forms only").addString("a.form", "{}").addString("b.form", "[").deploy());
    assertThat(notAForm.getMessage()).startsWith("Not a Camunda Form: a.form: no \"id\"")
        .contains("b.form: not JSON");

    BadUserRequestException nothing = catchThrowableOfType(BadUserRequestException.class, () -> repository
        .createDeployment().name("empty").deploy());
    assertThat(nothing.getMessage()).contains("No deployment resources contained to deploy"); // the engine's own

    BadUserRequestException notExecutable = catchThrowableOfType(BadUserRequestException.class, () -> repository
        .createDeployment().addString("idle.bpmn", diagram("idle", "camunda:historyTimeToLive=\"1\"")
            .replace("isExecutable=\"true\"", "isExecutable=\"false\"")).deploy());
    assertThat(notExecutable.getMessage()).contains("holds no executable BPMN process (resources: idle.bpmn)");

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aStoredDeploymentIsNotCheckedAgainWhenTheEngineReadsItBack() {
    // deployed while a rule owned its task
    rules = RuleSet.compile(Map.of(BuiltInRules.path(BuiltInRules.ASSIGNMENT), OWN_EVERYTHING));
    String text = process("readBack",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"oldChore\"/>",
        "<bpmn:userTask id=\"oldChore\"/>");
    deploy("readBack.bpmn", text);
    int records = recorded.size();

    // the rule is gone; the engine forgets the parsed diagram (as after a restart) and reads it back to run it
    rules = SHIPPED_RULES;
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
        .discardProcessDefinitionCache();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("readBack");

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("oldChore");
    assertThat(recorded).hasSize(records); // nothing recorded for a read-back
    // a new deployment of the same diagram is checked against the rules in force
    assertThat(refusedDiagram("readBack.bpmn", text.replace("30", "31"))).extracting(Problem::getMainElementId)
        .containsExactly("oldChore");
  }
}
