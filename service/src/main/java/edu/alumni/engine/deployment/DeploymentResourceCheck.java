package edu.alumni.engine.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's deployers on every new deployment: only BPMN diagrams and Camunda Forms are accepted
 * (anything else would be stored unchecked), and a diagram must be XML with a BPMN {@code definitions} root (the
 * engine answers a file that is not XML with an internal error instead of a parse error).
 */
final class DeploymentResourceCheck implements Deployer {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String FORM_SUFFIX = ".form";
  static final String ACCEPTED = "BPMN diagrams (.bpmn) and their Camunda Forms (.form)";

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    List<String> refused = resources.keySet().stream().filter(name -> !bpmn(name) && !form(name)).sorted().toList();
    if (!refused.isEmpty()) {
      throw new BadUserRequestException("Only " + ACCEPTED + " can be deployed; refused: "
          + String.join(", ", refused) + ". Nothing was deployed.");
    }
    resources.values().stream().filter(r -> bpmn(r.getName())).forEach(DeploymentResourceCheck::checkDiagram);
    // before the engine's form deployer, which answers a file that is not JSON with an internal error
    List<String> problems = new ArrayList<>();
    for (String name : resources.keySet().stream().filter(DeploymentResourceCheck::form).sorted().toList()) {
      String problem = formProblem(resources.get(name).getBytes());
      if (problem != null) {
        problems.add(name + ": " + problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Not a Camunda Form: " + String.join("; ", problems)
          + ". Save the form from Camunda Modeler or the console. Nothing was deployed.");
    }
  }

  /** Why a form file is not a Camunda Form the diagrams can reference, or null. */
  private static String formProblem(byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      return "not JSON (" + e.getOriginalMessage() + ")";
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
    if (form == null || !form.isObject()) {
      return "not a JSON object";
    }
    if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      return "no \"id\" (camunda:formRef finds a form by its id)";
    }
    if (!form.path("components").isArray()) {
      return "no \"components\" list";
    }
    return null;
  }


  // case-sensitive like the engine's deployers: a "X.BPMN" would be stored without being parsed
  static boolean bpmn(String resourceName) {
    return Arrays.stream(BpmnDeployer.BPMN_RESOURCE_SUFFIXES).anyMatch(suffix -> resourceName.endsWith("." + suffix));
  }

  static boolean form(String resourceName) {
    return resourceName.endsWith(FORM_SUFFIX);
  }

  private static void checkDiagram(ResourceEntity resource) {
    RootElement root = new RootElement();
    try {
      parser().parse(new ByteArrayInputStream(resource.getBytes() == null ? new byte[0] : resource.getBytes()), root);
    } catch (SAXParseException e) {
      throw refused(resource, resource.getName() + " is not XML (line " + e.getLineNumber() + ", column "
          + e.getColumnNumber() + "): " + e.getMessage(), e.getLineNumber(), e.getColumnNumber());
    } catch (SAXException | IOException e) {
      throw refused(resource, resource.getName() + " is not XML: " + e.getMessage(), 0, 0);
    }
    if (!BpmnParser.BPMN20_NS.equals(root.uri) || !"definitions".equals(root.localName)) {
      throw refused(resource, resource.getName() + " is XML but not a BPMN diagram: its root element is <"
          + root.localName + "> of namespace '" + root.uri + "'; a diagram's is <definitions> of namespace '"
          + BpmnParser.BPMN20_NS + "'.", root.line, root.column);
    }
  }

  private static ParseException refused(ResourceEntity resource, String message, int line, int column) {
    return new ParseException(message + " Nothing was deployed.", resource.getName(),
        List.of(new DeploymentProblem(message, line, column)), List.of());
  }

  private static SAXParser parser() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      // no DTDs, no external entities: an uploaded file is untrusted
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("no XML parser", e);
    }
  }

  /** Remembers the root element; reading on checks that the whole file is well-formed. */
  private static final class RootElement extends DefaultHandler {
    String uri;
    String localName;
    int line;
    int column;
    private org.xml.sax.Locator locator;

    @Override
    public void setDocumentLocator(org.xml.sax.Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if (this.localName == null) {
        this.uri = uri;
        this.localName = localName;
        this.line = locator == null ? 0 : locator.getLineNumber();
        this.column = locator == null ? 0 : locator.getColumnNumber();
      }
    }
  }
}
