package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.StaffGroups;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The segments and work overview pages in a browser. */
@Tag("database")
class SegmentsAndWorkConsoleTests extends ConsoleBrowserSupport {

  static final String PASSWORD = "console-Pw3";
  static final String MANAGER = "console-seg-manager";
  static final String AUDITOR = "console-seg-auditor";
  static final String HISTORY = "consoleHistory";

  // contactable young alumni and alumni who asked not to be contacted: segments, and no trigger starts anything
  static final String ALUMNI = """
      student_no,name,college,degree,graduation_year,consent_contact,email
      C0001,王芳,cs,BACHELOR,2023,yes,wang.fang@example.cn
      C0002,李雷,ee,MASTER,2024,yes,li.lei@example.cn
      C0003,赵敏,law,BACHELOR,2001,no,
      """;

  @BeforeEach
  void registryUsersAndWork() throws IOException {
    cleanRegistry();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);
    assertThat(postCsv("/api/alumni/import", ALUMNI).status()).isEqualTo(200);
    runSegmentation(LocalDate.of(2026, 6, 1), adminUser, adminPassword);
    if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(HISTORY)
        .count() == 0) {
      try (InputStream bpmn = getClass().getResourceAsStream("consoleHistory.bpmn")) {
        processEngine.getRepositoryService().createDeployment().name("console-tests")
            .addInputStream("consoleHistory.bpmn", bpmn).deploy();
      }
    }
    deleteProcessInstances(HISTORY, "work-%");
    processEngine.getRuntimeService().startProcessInstanceByKey(HISTORY, "work-on-time");
    processEngine.getRuntimeService().startProcessInstanceByKey(HISTORY, "work-late");
  }

  @AfterEach
  void cleanUp() {
    segmentationRuns.addAll(jdbc.queryForList("SELECT id FROM segmentation_run WHERE started_by = ?", Long.class,
        MANAGER));
    removeSegmentationRuns();
    deleteProcessInstances(HISTORY, "work-%");
    cleanRegistry();
    deleteUser(MANAGER);
    deleteUser(AUDITOR);
  }

  @Test
  void managerSeesCountsOverRunsMembersAndStartsARun() {
    signIn(MANAGER, PASSWORD);
    open("/segments/runs");
    WebElement asOf = waitFor("#run-as-of");
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-07-01'", asOf);
    browser.findElement(By.id("start-run")).click();
    waitUntil(() -> present("#run-status[data-status='COMPLETED']"));
    assertThat(browser.findElement(By.id("run-status")).getText()).contains("3 of 3");
    waitFor("#runs tr[data-run-id]");
    screenshot("segments-runs");

    open("/segments");
    waitFor("#segment-chart");
    WebElement young = waitFor("#catalogue tr[data-code='YOUNG_ALUMNI']");
    // a column per completed run, the two runs of this test among them, two young alumni in each
    assertThat(young.findElements(By.cssSelector("td.num")).stream().map(WebElement::getText).toList())
        .endsWith("2", "2");
    screenshot("segments");

    young.findElement(By.cssSelector("a")).click();
    WebElement members = waitFor("#members");
    assertThat(members.getText()).contains("C0001", "C0002").doesNotContain("C0003");
    assertThat(members.findElements(By.cssSelector("td.facts")).get(0).getText()).contains("yearsOut");
    screenshot("segment-members");
  }

  @Test
  void refusedRulesShowDroolsMessages() {
    signIn(MANAGER, PASSWORD);
    open("/segments/rules?name=segments");
    waitFor("#rule-versions tr.active");
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].value = 'package edu.alumni.rules.segment;\\nrule \"broken\"\\nwhen\\n  Nonsense( x == )\\nthen\\nend\\n'",
        waitFor("#drl-upload"));
    browser.findElement(By.id("upload")).click();
    WebElement messages = waitFor("#drools-messages");
    assertThat(messages.findElements(By.tagName("li"))).isNotEmpty();
    assertThat(browser.findElement(By.id("upload-result")).getText()).contains("The active rules are unchanged");
    screenshot("rules-refused");
  }

  @Test
  void auditorSeesSegmentsWithoutStartOrUpload() {
    signIn(AUDITOR, PASSWORD);
    open("/segments/runs");
    waitFor("#runs tr[data-run-id]");
    assertThat(present("#start-run")).isFalse();
    open("/segments/rules");
    waitFor("#active-rules");
    assertThat(present("#rule-upload")).isFalse();
    assertThat(present("button.activate")).isFalse();
    // no work overview for auditors
    assertThat(present("a[href='#/work']")).isFalse();

    // in Chinese, the choice kept for the next page
    new Select(browser.findElement(By.id("language"))).selectByValue("zh");
    waitUntil(() -> browser.findElement(By.cssSelector("a[href='#/segments']")).getText().equals("校友分群"));
    open("/segments");
    waitFor("#catalogue");
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("校友分群");
    screenshot("segments-zh");
  }

  @Test
  void managerSeesOpenAndOverdueWorkWithTasklistLinks() {
    TaskService tasks = processEngine.getTaskService();
    Task late = tasks.createTaskQuery().processInstanceBusinessKey("work-late").singleResult();
    late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
    tasks.saveTask(late);

    signIn(MANAGER, PASSWORD);
    open("/work");
    waitFor("#work-chart");
    assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#kpi-overdue .value")).getText()))
        .isGreaterThanOrEqualTo(1);
    WebElement lateRow = waitFor("#work-tasks tr[data-task-id='" + late.getId() + "']");
    assertThat(lateRow.getAttribute("class")).contains("overdue");
    assertThat(lateRow.findElement(By.cssSelector("a.tasklist-link")).getAttribute("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + late.getId());
    List<String> groups = all("#work-matrix tbody tr").stream().map(r -> r.getAttribute("data-group")).toList();
    assertThat(groups).contains(StaffGroups.ALUMNI_OFFICE);
    screenshot("work");
  }
}
