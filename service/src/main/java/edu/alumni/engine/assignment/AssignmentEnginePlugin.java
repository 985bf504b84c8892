package edu.alumni.engine.assignment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the owner-deciding task listener to every user task the engine parses, whichever way a diagram is deployed
 * (start-up, Camunda Modeler, the REST API), so a diagram a manager redeploys gets owners the same way. Built-in
 * listener: "skip custom listeners" does not skip it.
 */
public class AssignmentEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener listener;
  private final OwnerDecisionMapper decisions;

  public AssignmentEnginePlugin(TaskOwners owners, OwnerDecisionMapper decisions) {
    this.listener = new AssignOwnerTaskListener(owners);
    this.decisions = decisions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
    List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    sessionFactories.add(new DecisionsOfCommand.Factory(decisions));
    configuration.setCustomSessionFactories(sessionFactories);
  }
}
