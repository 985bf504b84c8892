package edu.alumni.engine.deployment;

import static edu.alumni.engine.deployment.DeploymentValidationPluginTests.diagram;
import static edu.alumni.engine.deployment.DeploymentValidationPluginTests.fallbackAccepted;
import static edu.alumni.engine.deployment.DeploymentValidationPluginTests.lineOf;
import static edu.alumni.engine.deployment.DeploymentValidationPluginTests.process;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deployments the way Camunda Modeler makes them, over real HTTP to {@code /engine-rest/deployment/create}: what
 * the validation refuses answers 400 with the problem at its element (the shape a modeler pins messages from) and
 * stores nothing; what it accepts is recorded with the user who deployed it.
 */
@Tag("database")
class EngineRestDeploymentTests extends HttpTestSupport {

  static final String NAME = "engine-rest-deployment-test";
  static final String DEPLOYER = "deployer-test";
  static final String PASSWORD = "deployer-password";

  @Autowired
  DeploymentRecordMapper records;

  @Autowired
  TransactionTemplate transaction;

  @BeforeEach
  void deployer() {
    // a Modeler user with the right to deploy
    createUser(DEPLOYER, PASSWORD, StaffGroups.ADMINS);
  }

  @AfterEach
  void cleanUp() {
    for (Deployment d : processEngine.getRepositoryService().createDeploymentQuery().deploymentName(NAME).list()) {
      processEngine.getRepositoryService().deleteDeployment(d.getId(), true);
      jdbc.update("DELETE FROM deployment_record WHERE deployment_id = ?", d.getId());
    }
    deleteUser(DEPLOYER);
  }

  private long deploymentCount() {
    Response r = get("/engine-rest/deployment/count", DEPLOYER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("count").asLong();
  }

  private Response deploy(MultipartForm form) {
    return post(MultipartForm.DEPLOYMENT_CREATE, form.contentType(), form.body(), DEPLOYER, PASSWORD);
  }

  /** Deploys one diagram that must be refused; the deployment list is unchanged; the errors of the diagram. */
  private JsonNode refused(String fileName, String text) {
    long before = deploymentCount();
    Response r = deploy(MultipartForm.deployment(NAME).file(fileName, text));

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    JsonNode body = r.json();
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(deploymentCount()).isEqualTo(before);
    JsonNode errors = body.get("details").get(fileName).get("errors");
    assertThat(errors.isArray()).as(body.toString()).isTrue();
    return errors;
  }

  /**
   * Camunda 7.24 spells the element ids' key with a Cyrillic "е" (U+0435): {@code ProblemDto.getЕlementIds()}.
   * A client reading the answer must use that key (or mainElementId).
   */
  static final String ELEMENT_IDS = "\u0435lementIds";

  private static void assertError(JsonNode error, String elementId, int line, String... messageParts) {
    assertThat(error.get("mainElementId").asText()).as(error.toString()).isEqualTo(elementId);
    assertThat(error.has("elementIds")).as(error.toString()).isFalse();
    assertThat(error.get(ELEMENT_IDS)).as(error.toString()).isNotNull();
    assertThat(error.get(ELEMENT_IDS).toString()).contains("\"" + elementId + "\"");
    assertThat(error.get("line").asInt()).as(error.toString()).isEqualTo(line);
    assertThat(error.get("column").asInt()).isPositive();
    assertThat(error.get("message").asText()).contains(messageParts);
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() {
    String text = diagram("restNoTtl", "", "<bpmn:startEvent id=\"start\"/>");

    JsonNode errors = refused("restNoTtl.bpmn", text);

    assertThat(errors).hasSize(1);
    assertError(errors.get(0), "restNoTtl", lineOf(text, "<bpmn:process"),
        "process 'restNoTtl': no historyTimeToLive");
  }

  @Test
  void aUserTaskNoRuleOwnsIsRefused() {
    String text = process("restUnowned",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"polishTrophies\"/>",
        "<bpmn:userTask id=\"polishTrophies\"/>");

    JsonNode errors = refused("restUnowned.bpmn", text);

    assertThat(errors).hasSize(1);
    assertError(errors.get(0), "polishTrophies", lineOf(text, "<bpmn:userTask"),
        "userTask 'polishTrophies': the assignment rules decide no owner for task 'polishTrophies' of process"
            + " 'restUnowned'", "ownerFallback = accepted");
  }

  @Test
  void aDelegateExpressionNamingNoBeanIsRefused() {
    String text = process("restUnknownBean",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"notify\"/>",
        "<bpmn:serviceTask id=\"notify\" camunda:delegateExpression=\"${notifyDonorDelegate}\"/>");

    JsonNode errors = refused("restUnknownBean.bpmn", text);

    assertThat(errors).hasSize(1);
    assertError(errors.get(0), "notify", lineOf(text, "<bpmn:serviceTask"),
        "serviceTask 'notify': delegateExpression '${notifyDonorDelegate}' names 'notifyDonorDelegate', which is"
            + " not a bean of the service");
  }

  @Test
  void aTimerThatDoesNotParseIsRefused() {
    String text = process("restBadTimer",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>",
        "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDuration>48 hours</bpmn:timeDuration>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:boundaryEvent id=\"overdue\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDate>${deadlines.of(execution, 'chore')}</bpmn:timeDate>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>");

    JsonNode errors = refused("restBadTimer.bpmn", text);

    assertThat(errors).hasSize(2);
    assertError(errors.get(0), "late", lineOf(text, "<bpmn:timeDuration>"),
        "boundaryEvent 'late': timeDuration '48 hours' is not an ISO 8601 duration");
    assertError(errors.get(1), "overdue", lineOf(text, "<bpmn:timeDate>"),
        "boundaryEvent 'overdue': timeDate '${deadlines.of(execution, 'chore')}' calls a method of 'deadlines',"
            + " which is not a bean of the service");
  }

  @Test
  void aBeanOfTheServiceIsKnownToTheValidation() {
    // the shipped diagrams' bean (dueDates) exists in the service: the same timer shape is accepted
    Response r = deploy(MultipartForm.deployment(NAME).file("restKnownBean.bpmn", process("restKnownBean",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>",
        "<bpmn:boundaryEvent id=\"overdue\" attachedToRef=\"chore\"><bpmn:timerEventDefinition>",
        "<bpmn:timeDate>${dueDates.of(execution, 'chore')}</bpmn:timeDate>",
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>",
        "<bpmn:serviceTask id=\"allocate\" camunda:delegateExpression=\"${allocateGiftDelegate}\"/>")));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void whatIsNotADiagramIsRefused() {
    long before = deploymentCount();

    Response text = deploy(MultipartForm.deployment(NAME).file("notes.txt", "hello"));
    assertThat(text.status()).as(text.toString()).isEqualTo(400);
    assertThat(text.json().get("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(text.json().get("message").asText()).contains("Only BPMN diagrams (.bpmn) and their Camunda Forms"
        + " (.form) can be deployed; refused: notes.txt. Nothing was deployed.");

    JsonNode notXml = refused("broken.bpmn", "<bpmn:definitions");
    assertThat(notXml.get(0).get("message").asText()).startsWith("broken.bpmn is not XML (line 1");
    assertThat(notXml.get(0).get("line").asInt()).isEqualTo(1);

    Response formWithoutId = deploy(MultipartForm.deployment(NAME).file("lonely.form", "{\"components\": []}"));
    assertThat(formWithoutId.status()).as(formWithoutId.toString()).isEqualTo(400);
    assertThat(formWithoutId.json().get("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(formWithoutId.json().get("message").asText()).contains("Not a Camunda Form: lonely.form: no \"id\"");

    assertThat(deploymentCount()).isEqualTo(before);
  }

  @Test
  void aChangedFormDeploysOnItsOwnAsModelerSendsIt() {
    long before = deploymentCount();

    Response form = deploy(MultipartForm.deployment(NAME).file("restLonely.form",
        "{\"id\": \"restLonelyForm\", \"type\": \"default\", \"components\": []}"));

    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(deploymentCount()).isEqualTo(before + 1);
  }

  @Test
  void anAcceptedDeploymentRecordsWhoDeployedIt() {
    Response r = deploy(MultipartForm.deployment(NAME).file("restAccepted.bpmn", process("restAccepted",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>")));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String deploymentId = r.json().get("id").asText();
    DeploymentRecord record = records.selectByDeploymentId(deploymentId);
    assertThat(record).isNotNull();
    assertThat(record.deployedBy()).isEqualTo(DEPLOYER);
    assertThat(record.deployedAt()).isNotNull();
    // the shipped diagrams were deployed by the service itself at start-up
    List<String> startUp = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("visitCycle").list().stream().map(d -> d.getDeploymentId()).toList();
    assertThat(records.selectByDeploymentIds(startUp)).isNotEmpty()
        .allSatisfy(rec -> assertThat(rec.deployedBy()).isEqualTo(DeployerRecorder.SYSTEM));
  }

  @Test
  void theRecordIsWrittenInTheDeploymentsTransaction() {
    String diagram = process("inOneTransaction",
        "<bpmn:startEvent id=\"start\"/>",
        "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"chore\"/>",
        "<bpmn:userTask id=\"chore\">" + fallbackAccepted() + "</bpmn:userTask>");

    // a deployment inside a transaction that rolls back: neither it nor its record remains
    String rolledBack = transaction.execute(status -> {
      String id = processEngine.getRepositoryService().createDeployment().name(NAME)
          .addString("inOneTransaction.bpmn", diagram).deploy().getId();
      assertThat(records.selectByDeploymentId(id)).isNotNull();
      status.setRollbackOnly();
      return id;
    });
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().deploymentId(rolledBack).count())
        .isZero();
    assertThat(records.selectByDeploymentId(rolledBack)).isNull();

    // through the Java API no one is authenticated: the service itself deployed
    String committed = processEngine.getRepositoryService().createDeployment().name(NAME)
        .addString("inOneTransaction.bpmn", diagram).deploy().getId();
    assertThat(records.selectByDeploymentId(committed).deployedBy()).isEqualTo(DeployerRecorder.SYSTEM);
  }
}
