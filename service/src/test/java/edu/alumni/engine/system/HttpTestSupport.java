package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.alumni.engine.csv.ImportError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one full-application test configuration (so Spring's context cache starts the service once for every HTTP
 * test): the whole service on a random port, spoken to over real HTTP with HTTP Basic.
 * The tests share one database: each cleans the registry rows it relies on before it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("database")
public abstract class HttpTestSupport {

  public static final String PROBLEM_JSON = "application/problem+json";

  protected static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @LocalServerPort
  protected int port;

  @Autowired
  protected JdbcTemplate jdbc;

  @Autowired
  protected IdentityService identityService;

  @Autowired
  protected ProcessEngine processEngine;

  @Value("${camunda.bpm.admin-user.id}")
  protected String adminUser;

  @Value("${camunda.bpm.admin-user.password}")
  protected String adminPassword;

  /**
   * Camunda's REST API finds its engine by name in a JVM-wide registry ({@link ProcessEngines}). Another test
   * context of the same JVM (another configuration, another database) registers its own engine "default" over
   * ours, and /engine-rest would then check users against that other database: point the name back at this
   * context's engine before each test.
   */
  @BeforeEach
  void engineRestUsesThisContextsEngine() {
    if (ProcessEngines.getProcessEngine(processEngine.getName()) != processEngine) {
      ProcessEngines.registerProcessEngine(processEngine);
    }
  }

  /**
   * Empties the registry (gifts first: they refer to alumni). The catalogue and Camunda's tables stay. The campaign
   * records that refer to gifts or alumni (classifications, allocations, invitations, contact reports) go first, so
   * that rows a process left behind never make this fail.
   */
  protected void cleanRegistry() {
    jdbc.update("DELETE FROM gift_classification");
    jdbc.update("DELETE FROM gift_allocation");
    jdbc.update("DELETE FROM reunion_invitation");
    jdbc.update("DELETE FROM contact_report");
    jdbc.update("DELETE FROM gift");
    jdbc.update("DELETE FROM alumnus");
  }

  /**
   * Deletes the instances of a process whose business key matches a SQL LIKE pattern: the running ones, then their
   * history, and the owner decisions recorded for their tasks.
   */
  protected void deleteProcessInstances(String processKey, String businessKeyLike) {
    RuntimeService runtime = processEngine.getRuntimeService();
    HistoryService history = processEngine.getHistoryService();
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKeyLike(businessKeyLike).list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, "test clean-up", true, true);
    }
    List<String> ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKeyLike(businessKeyLike).list().stream().map(HistoricProcessInstance::getId)
        .toList();
    if (!ended.isEmpty()) {
      history.deleteHistoricProcessInstances(ended);
    }
    jdbc.update("DELETE FROM owner_decision WHERE process_key = ? AND business_key LIKE ?", processKey,
        businessKeyLike);
  }

  protected long count(String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }

  /** Every stored alumnus row, all columns, ordered: equal before and after means nothing changed. */
  protected List<Map<String, Object>> alumnusRows() {
    return jdbc.queryForList("SELECT * FROM alumnus ORDER BY student_no");
  }

  protected List<Map<String, Object>> giftRows() {
    return jdbc.queryForList("SELECT * FROM gift ORDER BY gift_ref");
  }

  /** Creates (or re-creates) a Camunda user with the given groups. */
  protected void createUser(String id, String password, String... groups) {
    deleteUser(id);
    User user = identityService.newUser(id);
    user.setFirstName("Test");
    user.setLastName(id);
    user.setPassword(password);
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }

  protected void deleteUser(String id) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      identityService.deleteUser(id);
    }
  }

  // ---- HTTP ----

  protected Response get(String path) {
    return send(request(path).GET(), adminUser, adminPassword);
  }

  protected Response get(String path, String user, String password) {
    return send(request(path).GET(), user, password);
  }

  protected Response postCsv(String path, String csv) {
    return post(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8), adminUser, adminPassword);
  }

  protected Response postCsv(String path, byte[] csv) {
    return post(path, "text/csv", csv, adminUser, adminPassword);
  }

  protected Response postCsv(String path, String csv, String user, String password) {
    return post(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8), user, password);
  }

  protected Response postJson(String path, String json, String user, String password) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), user, password);
  }

  protected Response put(String path, String contentType, String body, String user, String password) {
    return send(request(path).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user, password);
  }

  protected Response post(String path, String contentType, byte[] body, String user, String password) {
    HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b, user, password);
  }

  protected Response delete(String path, String user, String password) {
    return send(request(path).DELETE(), user, password);
  }

  /** A request to the service, for a method or headers the helpers above do not cover; send it with {@link #send}. */
  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, application/problem+json, */*;q=0.5");
  }

  /** Sends with HTTP Basic credentials, or none when {@code user} is null. */
  protected static Response send(HttpRequest.Builder b, String user, String password) {
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A 422 import problem with exactly these errors (line, column, a part of the message), in order. */
  /** An error answer as API.md has them: the status, as application/problem+json, with a detail to act on. */
  protected static void assertProblem(Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("detail").asText()).isNotBlank();
  }

  protected static void assertRejected(Response r, int rejectedRows, ImportError... errors) {
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains("nothing was imported");
    assertThat(r.json().get("rejected").asInt()).isEqualTo(rejectedRows);
    assertThat(r.json().get("errorCount").asInt()).isEqualTo(errors.length);
    assertThat(r.errors()).hasSize(errors.length);
    for (int i = 0; i < errors.length; i++) {
      ImportError actual = r.errors().get(i);
      assertThat(actual.line()).as("line of error %d: %s", i, actual).isEqualTo(errors[i].line());
      assertThat(actual.column()).as("column of error %d: %s", i, actual).isEqualTo(errors[i].column());
      assertThat(actual.message()).as("message of error %d", i).contains(errors[i].message());
    }
  }

  protected static ImportError error(long line, String column, String message) {
    return new ImportError(line, column, message);
  }

  /** The segmentation runs this test started; {@link #removeSegmentationRuns()} deletes them and what they wrote. */
  protected final List<Long> segmentationRuns = new ArrayList<>();

  /**
   * Starts a segmentation run as {@code user} ({@code asOf} null: today) and polls its Location until it has ended
   * (a run stays RUNNING until its triggers have reported); its report, asserted COMPLETED without an error.
   */
  protected JsonNode runSegmentation(LocalDate asOf, String user, String password) {
    awaitNoSegmentationRun();
    Response started = postJson("/api/segmentation/runs", asOf == null ? "{}" : "{\"asOf\": \"" + asOf + "\"}",
        user, password);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        "no Location: " + started));
    String path = location.substring(location.indexOf("/api/"));
    assertThat(path).matches("/api/segmentation/runs/[0-9]+");
    segmentationRuns.add(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
    long until = System.currentTimeMillis() + 120_000;
    while (true) {
      Response r = get(path, user, password);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode run = r.json();
      if (!"RUNNING".equals(run.get("status").asText())) {
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.has("error")).as(run.toString()).isFalse();
        return run;
      }
      assertThat(System.currentTimeMillis()).as("run %s still not done: %s", path, run).isLessThan(until);
      sleep(50);
    }
  }

  /** Waits while a segmentation run is going on (runs are one at a time). */
  protected void awaitNoSegmentationRun() {
    long until = System.currentTimeMillis() + 120_000;
    while (jdbc.queryForObject("SELECT COUNT(*) FROM segmentation_run WHERE status = 'RUNNING'", Long.class) > 0
        && System.currentTimeMillis() < until) {
      sleep(50);
    }
  }

  /** Deletes the runs this test started, with their memberships, counts and started counts. */
  protected void removeSegmentationRuns() {
    awaitNoSegmentationRun();
    for (long id : segmentationRuns) {
      jdbc.update("DELETE FROM segment_membership WHERE run_id = ?", id);
      jdbc.update("DELETE FROM segmentation_run_count WHERE run_id = ?", id);
      jdbc.update("DELETE FROM segmentation_run_started WHERE run_id = ?", id);
      jdbc.update("DELETE FROM segmentation_current WHERE run_id = ?", id);
      jdbc.update("DELETE FROM segmentation_run WHERE id = ?", id);
    }
    segmentationRuns.clear();
  }

  protected static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer: status, headers, body (parsed as JSON on demand, decimals kept exact). */
  public record Response(int status, HttpHeaders headers, String body) {

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public boolean isProblem() {
      return contentType().startsWith(PROBLEM_JSON);
    }

    /** The {@code errors} array of an import answer or problem, as import errors. */
    public List<ImportError> errors() {
      JsonNode errors = json().get("errors");
      if (errors == null || !errors.isArray()) {
        throw new AssertionError("no errors array in " + this);
      }
      return List.of(JSON.convertValue(errors, ImportError[].class));
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
