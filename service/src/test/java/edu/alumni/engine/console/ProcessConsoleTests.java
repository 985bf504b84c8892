package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.StaffGroups;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The processes pages in a browser: edit and deploy, a refused deployment, what auditors and coordinators see. */
@Tag("database")
class ProcessConsoleTests extends ConsoleBrowserSupport {

  static final String PASSWORD = "console-Pw1";
  static final String MANAGER = "console-manager";
  static final String AUDITOR = "console-auditor";
  static final String COORDINATOR = "console-coordinator";
  static final String PROBE = "consoleProbe";

  @BeforeEach
  void usersAndProbeProcess() throws IOException {
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, "college-cs");
    RepositoryService repository = processEngine.getRepositoryService();
    if (latest(PROBE) == null) {
      try (InputStream bpmn = getClass().getResourceAsStream("consoleProbe.bpmn")) {
        repository.createDeployment().name("console-tests").addInputStream("consoleProbe.bpmn", bpmn).deploy();
      }
    }
  }

  @AfterEach
  void removeUsersAndInstances() {
    deleteProcessInstances(PROBE, "probe-%");
    for (String user : new String[] {MANAGER, AUDITOR, COORDINATOR}) {
      deleteUser(user);
    }
  }

  private ProcessDefinition latest(String key) {
    return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
  }

  @Test
  void managerRenamesTaskDeploysSeesTheNextVersionAndMigrates() {
    int before = latest(PROBE).getVersion();
    ProcessInstance waiting = processEngine.getRuntimeService().startProcessInstanceByKey(PROBE, "probe-migrate");
    signIn(MANAGER, PASSWORD);
    waitFor("section.process[data-key='" + PROBE + "']");
    screenshot("processes-manager");

    browser.findElement(By.cssSelector("section.process[data-key='" + PROBE + "'] tr[data-version='" + before
        + "'] a.edit")).click();
    diagramElement("#canvas", "probeTask").click();
    WebElement name = waitFor("#bio-properties-panel-name");
    name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    name.sendKeys("Check the contact list again");
    waitUntil(() -> diagramElement("#canvas", "probeTask").getText().contains("again"));
    screenshot("modeler");
    browser.findElement(By.id("deploy")).click();

    WebElement badge = waitFor("#version-badge");
    assertThat(badge.getText()).isEqualTo("v" + (before + 1));
    assertThat(waitFor("#flash").getText()).contains(PROBE).contains("v" + (before + 1));
    waitForPresent("#diagram .djs-element[data-element-id='probeTask']");
    screenshot("process-version");
    ProcessDefinition deployed = latest(PROBE);
    assertThat(deployed.getVersion()).isEqualTo(before + 1);
    UserTask task = processEngine.getRepositoryService().getBpmnModelInstance(deployed.getId())
        .getModelElementById("probeTask");
    assertThat(task.getName()).isEqualTo("Check the contact list again");

    // the changes between the two versions: the renamed task, coloured on both sides
    open("/processes/" + PROBE + "/diff/" + before + "/" + (before + 1));
    waitFor("#diff-list tr.changed[data-element-id='probeTask']");
    assertThat(hasClass(diagramElement("#diff-left", "probeTask"), "diff-changed")).isTrue();
    assertThat(hasClass(diagramElement("#diff-right", "probeTask"), "diff-changed")).isTrue();
    assertThat(browser.findElement(By.id("diff-list")).getText()).contains("Check the contact list again");
    screenshot("process-diff");

    // the instance waiting on the older version moves to the new one
    open("/processes");
    waitFor("section.process[data-key='" + PROBE + "'] button.migrate").click();
    waitForAlert().accept();
    WebElement moved = waitFor("#migration-" + PROBE + " table.migrated");
    assertThat(moved.getText()).contains(waiting.getId(), "probe-migrate", "v" + before + " → v" + (before + 1));
    assertThat(present("#migration-" + PROBE + " table.not-migrated")).isFalse();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(waiting.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(deployed.getId());
    screenshot("processes-migrated");
  }

  @Test
  void unsavedEditsAskBeforeTheManagerLeavesTheModeler() {
    signIn(MANAGER, PASSWORD);
    open("/processes/" + PROBE + "/" + latest(PROBE).getVersion() + "/edit");
    waitForPresent("#canvas .djs-element[data-element-id='probeTask']");
    ((JavascriptExecutor) browser).executeScript("const m = window.consoleModeler;"
        + "m.get('modeling').updateLabel(m.get('elementRegistry').get('probeTask'), 'Not deployed yet');");
    String editing = browser.getCurrentUrl();

    // the menu's History: the console asks; staying keeps the page and the edit
    browser.findElement(By.cssSelector("header.topbar a[href='#/history']")).click();
    org.openqa.selenium.Alert asked = waitForAlert();
    assertThat(asked.getText()).contains("not deployed");
    asked.dismiss();
    assertThat(browser.getCurrentUrl()).isEqualTo(editing);
    assertThat(diagramElement("#canvas", "probeTask").getText()).contains("Not deployed yet");

    // asked again, leaving goes on to the history and drops the edit
    browser.findElement(By.cssSelector("header.topbar a[href='#/history']")).click();
    waitForAlert().accept();
    waitFor("#history-search");
    assertThat(browser.getCurrentUrl()).endsWith("#/history");
  }

  @Test
  void refusedDeploymentIsPinnedOnItsElement() {
    signIn(MANAGER, PASSWORD);
    open("/modeler/new");
    waitForPresent("#canvas .djs-element");
    browser.findElement(By.id("open-file")).sendKeys(resourceFile("consoleUnowned.bpmn").toString());
    diagramElement("#canvas", "unownedTask");
    browser.findElement(By.id("deploy")).click();

    WebElement problem = waitFor("#problems li[data-element-id='unownedTask']");
    assertThat(problem.getText()).contains("the assignment rules decide no owner for task 'unownedTask'");
    waitUntil(() -> hasClass(diagramElement("#canvas", "unownedTask"), "deploy-error"));
    assertThat(waitFor(".djs-overlay .deploy-problem[data-element-id='unownedTask']").getText())
        .contains("decide no owner");
    screenshot("modeler-refused");
    assertThat(latest("consoleUnowned")).as("nothing of a refused deployment is stored").isNull();
  }

  @Test
  void auditorReadsButHasNoDeployButton() {
    signIn(AUDITOR, PASSWORD);
    waitFor("section.process[data-key='" + PROBE + "']");
    assertThat(present("a.edit")).isFalse();
    assertThat(present("#new-diagram")).isFalse();
    assertThat(present("button.migrate")).isFalse();
    screenshot("processes-auditor");

    browser.findElement(By.cssSelector("section.process[data-key='" + PROBE + "'] a.version-link")).click();
    waitForPresent("#diagram .djs-element[data-element-id='probeTask']");
    assertThat(present("#edit")).isFalse();
    assertThat(present("#deploy")).isFalse();

    // the modeler's address leads an auditor back to the list
    open("/processes/" + PROBE + "/" + latest(PROBE).getVersion() + "/edit");
    waitFor("section.process[data-key='" + PROBE + "']");
    assertThat(present("#deploy")).isFalse();
  }

  @Test
  void coordinatorCannotOpenTheConsole() {
    signIn(COORDINATOR, PASSWORD);
    assertThat(waitFor("#no-access").getText()).contains(COORDINATOR);
    screenshot("no-access");

    open("/processes");
    waitFor("#no-access");
    assertThat(present("section.process")).isFalse();
    // and the server refuses the data calls anyway
    assertThat(get("/api/processes", COORDINATOR, PASSWORD).status()).isEqualTo(403);
    assertThat(get("/api/work/overview", COORDINATOR, PASSWORD).status()).isEqualTo(403);

    browser.findElement(By.id("no-access-sign-out")).click();
    waitFor("#signin-form");
    assertThat(((JavascriptExecutor) browser)
        .executeScript("return sessionStorage.length")).isEqualTo(0L);
    screenshot("sign-in");
  }
}
