package edu.alumni.engine.deployment;

import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;

/**
 * The checks a new BPMN diagram passes before the engine stores it, on the diagram's XML as written (so that they
 * run even where the engine's own parse would stop at the first broken expression):
 * <ul>
 * <li>every executable process has {@code camunda:historyTimeToLive};</li>
 * <li>every user task gets an owner: the assignment rules decide one for its process key and task key, or the
 * task accepts the {@code alumni-office} fallback explicitly with the extension property
 * {@value #OWNER_FALLBACK} = {@value #OWNER_FALLBACK_ACCEPTED};</li>
 * <li>every expression parses as the engine parses it; a {@code delegateExpression} names a bean that exists, and
 * every method call is on a bean that exists or on what the engine itself provides ({@code execution},
 * {@code task}, ...). A bare {@code ${name}} elsewhere is a process variable and is not checked;</li>
 * <li>every timer (timeDate, timeDuration, timeCycle) is an expression passing the checks above, or a literal the
 * engine's business calendars accept: an ISO 8601 date-time, duration, repeating interval, or a cron
 * expression.</li>
 * </ul>
 * Each problem is reported at the element that carries it and pinned to the diagram element a modeler draws (the
 * flow node, sequence flow or process around it).
 */
final class DiagramValidator {

  static final String OWNER_FALLBACK = DeploymentValidationPlugin.OWNER_FALLBACK;
  static final String OWNER_FALLBACK_ACCEPTED = DeploymentValidationPlugin.OWNER_FALLBACK_ACCEPTED;

  static final String HISTORY_TIME_TO_LIVE = "historyTimeToLive";

  /** What the engine resolves itself, before any bean: a method may be called on these. */
  private static final Set<String> ENGINE_NAMES = Set.of(VariableScopeElResolver.EXECUTION_KEY,
      VariableScopeElResolver.TASK_KEY, VariableScopeElResolver.EXTERNAL_TASK_KEY,
      VariableScopeElResolver.CASE_EXECUTION_KEY, VariableScopeElResolver.LOGGED_IN_USER_KEY);

  /** Elements whose flow elements a modeler draws as shapes: the owners problems are pinned to. */
  private static final Set<String> CONTAINERS = Set.of("process", "subProcess", "transaction", "adHocSubProcess");

  private static final String USER_TASK = "userTask";
  private static final String DELEGATE_EXPRESSION = "delegateExpression";
  /** Attributes the engine never evaluates (a user task's name is the exception: it is an expression). */
  private static final Set<String> LITERAL_ATTRIBUTES = Set.of("id", "name", "stringValue");

  /** The same features as the engine's expression factory (method calls, varargs). */
  private static final Builder EXPRESSION_TREES = new Builder(Builder.Feature.METHOD_INVOCATIONS,
      Builder.Feature.VARARGS);

  /** Receives each problem: the element carrying it (line, column) and the element to pin it to. */
  interface Problems {
    void report(Element at, Element pinTo, String message);
  }

  /** The three timer definitions, the business calendar the engine resolves each with, what a literal must be. */
  private enum Timer {
    DATE("timeDate", DueDateBusinessCalendar.NAME, "an ISO 8601 date-time (e.g. 2026-10-17T09:00:00)"),
    DURATION("timeDuration", DurationBusinessCalendar.NAME, "an ISO 8601 duration (e.g. P30D or PT48H)"),
    CYCLE("timeCycle", CycleBusinessCalendar.NAME,
        "an ISO 8601 repeating interval (e.g. R3/PT10H) or a cron expression (e.g. 0 0 9 * * ?)");

    final String tag;
    final String calendar;
    final String expected;

    Timer(String tag, String calendar, String expected) {
      this.tag = tag;
      this.calendar = calendar;
      this.expected = expected;
    }

    static Timer of(String tagName) {
      for (Timer t : values()) {
        if (t.tag.equals(tagName)) {
          return t;
        }
      }
      return null;
    }
  }

  private final BiPredicate<String, String> ownedByRules;
  private final Predicate<String> beans;
  private final ExpressionManager expressions;
  private final BusinessCalendarManager calendars;

  /**
   * @param ownedByRules (process key, task key) → the assignment rules decide an owner for that task
   * @param beans the bean names expressions may use
   * @param expressions the engine's expression manager: an expression parses exactly when it accepts it
   * @param calendars the engine's business calendars: a timer literal is valid exactly when they resolve it
   */
  DiagramValidator(BiPredicate<String, String> ownedByRules, Predicate<String> beans, ExpressionManager expressions,
      BusinessCalendarManager calendars) {
    this.ownedByRules = ownedByRules;
    this.beans = beans;
    this.expressions = expressions;
    this.calendars = calendars;
  }

  /** True for a process the engine deploys: isExecutable true, or absent (the engine's default). */
  static boolean executable(Element process) {
    String flag = process.attribute("isExecutable");
    return flag == null || Boolean.parseBoolean(flag);
  }

  static boolean lacksHistoryTimeToLive(Element process) {
    String ttl = process.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, HISTORY_TIME_TO_LIVE);
    return ttl == null || ttl.isBlank();
  }

  /** Reports every problem of the executable processes of a diagram ({@code definitions}, the root element). */
  void validate(Element definitions, Problems problems) {
    for (Element process : definitions.elements("process")) {
      if (!bpmn(process) || !executable(process)) {
        continue;
      }
      if (lacksHistoryTimeToLive(process)) {
        problems.report(process, process, describe(process) + ": no historyTimeToLive. Set camunda:"
            + HISTORY_TIME_TO_LIVE + " on the process (the days its history is kept, e.g. 1825).");
      }
      walk(process, process.attribute("id"), process, problems);
    }
  }

  private void walk(Element element, String processKey, Element pinTo, Problems problems) {
    checkAttributes(element, pinTo, problems);
    Timer timer = bpmn(element) ? Timer.of(element.getTagName()) : null;
    if (timer != null) {
      checkTimer(timer, element, pinTo, problems);
    } else if (element.elements().isEmpty() && hasExpression(element.getText())) {
      checkExpression(what(element), element.getText().trim(), false, element, pinTo, problems);
    }
    if (bpmn(element) && USER_TASK.equals(element.getTagName())) {
      checkOwner(element, processKey, problems);
    }
    boolean container = bpmn(element) && CONTAINERS.contains(element.getTagName());
    for (Element child : element.elements()) {
      if (notEvaluated(child, element)) {
        continue;
      }
      boolean drawn = container && bpmn(child) && child.attribute("id") != null;
      walk(child, processKey, drawn ? child : pinTo, problems);
    }
  }

  /** Text the engine never evaluates as an expression: documentation (but a user task's), scripts, literals. */
  private static boolean notEvaluated(Element child, Element parent) {
    String tag = child.getTagName();
    if (bpmn(child) && "documentation".equals(tag)) {
      // a user task's documentation becomes the task's description, an expression
      return !(bpmn(parent) && USER_TASK.equals(parent.getTagName()));
    }
    if ("conditionExpression".equals(tag) && child.attribute("language") != null) {
      return true; // a script condition
    }
    return "script".equals(tag) || (bpmn(child) && "text".equals(tag))
        || (camunda(child) && ("string".equals(tag) || "properties".equals(tag)));
  }

  private void checkAttributes(Element element, Element pinTo, Problems problems) {
    boolean userTask = bpmn(element) && USER_TASK.equals(element.getTagName());
    for (String key : element.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      String value = element.attribute(key);
      if (value == null) {
        continue;
      }
      if (DELEGATE_EXPRESSION.equals(name)) {
        checkExpression(name, value.trim(), true, element, pinTo, problems);
      } else if (hasExpression(value) && (!LITERAL_ATTRIBUTES.contains(name) || (userTask && "name".equals(name)))) {
        checkExpression(name, value.trim(), false, element, pinTo, problems);
      }
    }
  }

  private void checkExpression(String what, String text, boolean delegate, Element at, Element pinTo,
      Problems problems) {
    String where = describe(pinTo) + ": " + what + " '" + text + "'";
    try {
      expressions.createExpression(text);
    } catch (RuntimeException e) {
      problems.report(at, pinTo, where + " is not a valid expression: " + e.getMessage());
      return;
    }
    Tree tree;
    try {
      tree = EXPRESSION_TREES.build(text);
    } catch (RuntimeException e) {
      return; // the engine accepts it; nothing more can be checked
    }
    Node top = tree.getRoot() instanceof AstEval eval ? eval.getChild(0) : null;
    if (delegate && top == null) {
      // the engine takes text that is not one ${...} as the delegate itself, and fails on it at run time
      problems.report(at, pinTo, where + " is not an expression that gives the delegate; write the bean's name as "
          + "${beanName}, e.g. ${classifyGiftDelegate}.");
      return;
    }
    if (delegate) {
      String bean = rootIdentifier(top);
      if (bean != null && !beans.test(bean)) {
        problems.report(at, pinTo, where + " names '" + bean + "', which is not a bean of the service.");
        return;
      }
    }
    checkMethodCalls(tree.getRoot(), where, at, pinTo, problems);
  }

  private void checkMethodCalls(Node node, String where, Element at, Element pinTo, Problems problems) {
    if (node == null) {
      return;
    }
    if (node instanceof AstMethod) {
      String base = rootIdentifier(node);
      if (base != null && !ENGINE_NAMES.contains(base) && !beans.test(base)) {
        problems.report(at, pinTo, where + " calls a method of '" + base + "', which is not a bean of the service"
            + " (methods may be called on beans and on " + String.join(", ", ENGINE_NAMES.stream().sorted()
            .toList()) + ").");
        return;
      }
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      checkMethodCalls(node.getChild(i), where, at, pinTo, problems);
    }
  }

  /** The identifier a chain of properties and method calls starts from ({@code a} of {@code a.b.c()}), if any. */
  private static String rootIdentifier(Node node) {
    Node n = node;
    while (n instanceof AstMethod || n instanceof AstProperty) {
      n = n.getChild(0);
    }
    return n instanceof AstIdentifier identifier ? identifier.getName() : null;
  }

  private void checkTimer(Timer timer, Element element, Element pinTo, Problems problems) {
    String text = element.getText() == null ? "" : element.getText().trim();
    if (text.isEmpty()) {
      problems.report(element, pinTo, describe(pinTo) + ": " + timer.tag + " is empty; give " + timer.expected
          + " or an expression.");
    } else if (hasExpression(text)) {
      checkExpression(timer.tag, text, false, element, pinTo, problems);
    } else {
      try {
        calendars.getBusinessCalendar(timer.calendar).resolveDuedate(text);
      } catch (RuntimeException e) {
        problems.report(element, pinTo, describe(pinTo) + ": " + timer.tag + " '" + text + "' is not " + timer.expected
            + ": " + e.getMessage());
      }
    }
  }

  private void checkOwner(Element task, String processKey, Problems problems) {
    String taskKey = task.attribute("id");
    if (taskKey == null || processKey == null) {
      return; // the engine reports a missing id itself
    }
    String fallback = ownerFallback(task);
    if (OWNER_FALLBACK_ACCEPTED.equals(fallback) || ownedByRules.test(processKey, taskKey)) {
      return;
    }
    problems.report(task, task, describe(task) + ": the assignment rules decide no owner for task '" + taskKey
        + "' of process '" + processKey + "'. Add a rule for it to the assignment rules, or accept the alumni-office"
        + " fallback with the extension property " + OWNER_FALLBACK + " = " + OWNER_FALLBACK_ACCEPTED
        + " on the task" + (fallback == null ? "." : " (it is '" + fallback + "')."));
  }

  /** The value of the task's extension property ownerFallback, or null. */
  private static String ownerFallback(Element task) {
    Element extensions = task.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (OWNER_FALLBACK.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }

  private static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** What an element's text is, for a message: its tag, and its name attribute if it has one. */
  private static String what(Element element) {
    String name = element.attribute("name");
    return name == null ? element.getTagName() : element.getTagName() + " '" + name + "'";
  }

  static String describe(Element element) {
    return element.getTagName() + " '" + element.attribute("id") + "'";
  }

  private static boolean bpmn(Element element) {
    return BpmnParser.BPMN20_NS.equals(element.getUri());
  }

  private static boolean camunda(Element element) {
    return BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri().equals(element.getUri())
        || BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS.equals(element.getUri());
  }
}
