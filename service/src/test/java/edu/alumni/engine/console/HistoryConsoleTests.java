package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.StaffGroups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The history pages in a browser: an auditor finds an instance, sees the path it took and downloads its timeline. */
@Tag("database")
class HistoryConsoleTests extends ConsoleBrowserSupport {

  static final String PASSWORD = "console-Pw2";
  static final String AUDITOR = "console-history-auditor";
  static final String HISTORY = "consoleHistory";

  private ProcessInstance instance;

  @BeforeEach
  void anInstanceHalfWay() throws IOException {
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);
    if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(HISTORY)
        .count() == 0) {
      try (InputStream bpmn = getClass().getResourceAsStream("consoleHistory.bpmn")) {
        processEngine.getRepositoryService().createDeployment().name("console-tests")
            .addInputStream("consoleHistory.bpmn", bpmn).deploy();
      }
    }
    deleteProcessInstances(HISTORY, "hist-%");
    instance = processEngine.getRuntimeService().startProcessInstanceByKey(HISTORY, "hist-1");
    Task first = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
    processEngine.getTaskService().complete(first.getId());
  }

  @AfterEach
  void cleanUp() {
    deleteProcessInstances(HISTORY, "hist-%");
    deleteUser(AUDITOR);
  }

  @Test
  void auditorSeesThePathTakenAndDownloadsTheTimeline() throws IOException {
    signIn(AUDITOR, PASSWORD);
    String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    open("/history?processKey=" + HISTORY + "&businessKey=hist-1&startedAfter=" + yesterday);
    WebElement row = waitFor("#history-results tr[data-instance-id='" + instance.getId() + "']");
    assertThat(all("#history-results tbody tr")).hasSize(1);
    screenshot("history-search");

    row.findElement(By.cssSelector("a.instance-link")).click();
    // the path: start and the first task done, the flows between them taken, the second task waiting
    waitUntil(() -> hasClass(diagramElement("#instance-diagram", "firstTask"), "path-done"));
    assertThat(hasClass(diagramElement("#instance-diagram", "start"), "path-done")).isTrue();
    assertThat(hasClass(diagramElement("#instance-diagram", "secondTask"), "path-active")).isTrue();
    assertThat(hasClass(diagramElement("#instance-diagram", "end"), "path-done")).isFalse();
    assertThat(hasClass(diagramElement("#instance-diagram", "f1"), "path-flow")).isTrue();
    assertThat(hasClass(diagramElement("#instance-diagram", "f2"), "path-flow")).isTrue();
    assertThat(hasClass(diagramElement("#instance-diagram", "f3"), "path-flow")).isFalse();
    // counts per activity, on the diagram and in the table
    assertThat(all("#instance-diagram .djs-overlay .count-badge")).hasSize(3);
    assertThat(waitFor("#activity-counts tr[data-activity-id='firstTask']").findElements(By.cssSelector("td.num"))
        .stream().map(WebElement::getText).toList()).containsExactly("1", "1", "0", "0");
    // the audit timeline beside it
    List<String> events = all("#timeline li.event").stream().map(e -> e.getAttribute("data-type")).toList();
    assertThat(events).contains("INSTANCE_STARTED", "TASK_CREATED", "TASK_COMPLETED", "OWNER_DECIDED");
    screenshot("history-instance");

    browser.findElement(By.id("download-csv")).click();
    Path csv = awaitDownload("timeline-" + HISTORY + "-" + instance.getId() + ".csv");
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("TASK_COMPLETED", "firstTask");
    assertThat(text.lines().count()).as("a header and a line (or more) per event").isGreaterThan(events.size());
  }

  private Path awaitDownload(String name) throws IOException {
    Path file = downloads.resolve(name);
    waitUntil(() -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
    try (Stream<Path> files = Files.list(downloads)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains(name);
    }
    return file;
  }
}
