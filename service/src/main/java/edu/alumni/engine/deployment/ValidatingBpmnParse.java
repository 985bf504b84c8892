package edu.alumni.engine.deployment;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse with the {@link DiagramValidator} run first, on every new deployment: each problem
 * becomes a parse error at its element, so the engine refuses the deployment with one {@code ParseException}
 * listing them with their element ids, lines and columns, together with the engine's own errors.
 *
 * <p>Why not a {@code BpmnParseListener}: listeners run after the engine has built each element, and the engine
 * gives up on an expression that does not parse (ENGINE-01009, no element, HTTP 500) before any listener sees it.
 * Run first, the validator has reported it at its element; the parse then ends in a {@code ParseException}
 * whatever the engine does next.
 *
 * <p>A deployment read back from the database to fill the engine's cache ({@code isNew()} false) is not checked
 * again: it was checked when it was made, and rules or beans changed since must not stop the engine from running
 * what is already deployed.
 */
final class ValidatingBpmnParse extends BpmnParse {

  private final Supplier<DiagramValidator> validator;
  private boolean validated;

  ValidatingBpmnParse(BpmnParser parser, Supplier<DiagramValidator> validator) {
    super(parser);
    this.validator = validator;
  }

  @Override
  protected void parseRootElement() {
    if (deployment == null || deployment.isNew()) {
      validator.get().validate(rootElement, this::report);
      validated = true;
    }
    super.parseRootElement();
  }

  private void report(Element at, Element pinTo, String message) {
    String pinId = pinTo.attribute("id");
    if (at == pinTo || pinId == null) {
      addError(message, at);
    } else {
      // line and column of the element itself, pinned to the id of the shape around it
      addError(new BpmnParseException(message, at), pinId);
    }
  }

  /** The validator has already said that a process lacks historyTimeToLive: the engine would say it again. */
  @Override
  protected void validateAndSetHTTL(Element processElement, ProcessDefinitionEntity definition,
      boolean skipEnforceTtl) {
    super.validateAndSetHTTL(processElement, definition,
        skipEnforceTtl || (validated && DiagramValidator.lacksHistoryTimeToLive(processElement)));
  }
}
