package edu.alumni.engine.deployment;

import edu.alumni.rules.RuleSet;
import edu.alumni.rules.assignment.OwnerProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * One validation for every deployment, whichever way it arrives (Camunda Modeler or anyone through
 * {@code POST /engine-rest/deployment/create}, the Java API, the service's own deployment at start-up), because all
 * of them go through the engine's deployers:
 * <ol>
 * <li>before the engine's deployers, {@link DeploymentResourceCheck}: only diagrams and forms, diagrams are
 * BPMN XML;</li>
 * <li>the engine's BPMN parse runs the {@link DiagramValidator} first ({@link ValidatingBpmnParse});</li>
 * <li>after them, {@link ExecutableProcessCheck}: at least one executable process, or forms only; then {@link DeployerRecorder}
 * records who deployed.</li>
 * </ol>
 * A refusal is an exception inside the deployment's command: nothing of the deployment is stored.
 */
public class DeploymentValidationPlugin extends AbstractProcessEnginePlugin {

  /**
   * A user task with this extension property ({@code camunda:property}) set to {@link #OWNER_FALLBACK_ACCEPTED} is
   * deployed even though no assignment rule owns it: its tasks go to {@code alumni-office}, as the diagram says.
   */
  public static final String OWNER_FALLBACK = "ownerFallback";
  public static final String OWNER_FALLBACK_ACCEPTED = "accepted";

  private final Supplier<RuleSet> assignmentRules;
  private final Predicate<String> beans;
  private final DeployerRecorder.Log deployers;
  private BpmnParseFactory parseFactory;

  /**
   * @param assignmentRules the assignment rules in force, asked whether they own each user task
   * @param beans whether a name is a bean the engine's expressions resolve (in the service: the Spring beans)
   * @param deployers where to record who deployed
   */
  DeploymentValidationPlugin(Supplier<RuleSet> assignmentRules, Predicate<String> beans,
      DeployerRecorder.Log deployers) {
    this.assignmentRules = assignmentRules;
    this.beans = beans;
    this.deployers = deployers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    parseFactory = parser -> new ValidatingBpmnParse(parser, () -> validator(configuration));
    configuration.setBpmnParseFactory(parseFactory);
    configuration.setCustomPreDeployers(with(configuration.getCustomPreDeployers(), new DeploymentResourceCheck()));
    configuration.setCustomPostDeployers(with(configuration.getCustomPostDeployers(), new ExecutableProcessCheck(),
        new DeployerRecorder(deployers)));
  }

  /** Another plugin replacing the parse factory would switch validation off silently: refuse to start instead. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getBpmnParseFactory() != parseFactory) {
      throw new IllegalStateException("Another engine plugin replaced the BPMN parse factory ("
          + configuration.getBpmnParseFactory() + "): deployments would not be validated.");
    }
  }

  private DiagramValidator validator(ProcessEngineConfigurationImpl configuration) {
    OwnerProbe owners = new OwnerProbe(assignmentRules.get());
    return new DiagramValidator((processKey, taskKey) -> owners.anyOwner(processKey, taskKey).isPresent(), beans,
        configuration.getExpressionManager(), configuration.getBusinessCalendarManager());
  }

  private static List<Deployer> with(List<Deployer> deployers, Deployer... more) {
    List<Deployer> all = deployers == null ? new ArrayList<>() : new ArrayList<>(deployers);
    all.addAll(List.of(more));
    return all;
  }
}
