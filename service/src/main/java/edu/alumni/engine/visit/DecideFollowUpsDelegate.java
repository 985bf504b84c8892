package edu.alumni.engine.visit;

import static edu.alumni.rules.process.VisitCycle.VAR_FOLLOW_UP_PREFIX;

import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.gift.GiftSummary;
import edu.alumni.engine.system.ProcessVariables;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.followup.ContactReport;
import edu.alumni.rules.followup.FollowUp;
import edu.alumni.rules.followup.FollowUpRules;
import edu.alumni.rules.process.VisitCycle;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * decideFollowUps: the follow-up rules turn the contact report's interests into follow-up tasks; one boolean
 * variable per follow-up task key ({@code followUp_prepareProposal} …) steers the inclusive gateway, and
 * {@code followUpRules} keeps which rule asked for each, for the history.
 */
public class DecideFollowUpsDelegate implements JavaDelegate {

  static final List<String> FOLLOW_UP_TASKS = List.of(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT,
      VisitCycle.MATCH_MENTEES, VisitCycle.INVITE_SPEAKER);

  private final GiftMapper gifts;
  private final Supplier<RuleSet> rules;

  public DecideFollowUpsDelegate(GiftMapper gifts, Supplier<RuleSet> rules) {
    this.gifts = gifts;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String studentNo = ProcessVariables.text(execution, VisitCycle.VAR_STUDENT_NO);
    GiftSummary giving = gifts.selectSummaryByStudentNo(studentNo);
    ContactReport report = new ContactReport(studentNo, ProcessVariables.text(execution, VisitCycle.VAR_METHOD),
        ProcessVariables.flag(execution, VisitCycle.VAR_INTEREST_DONATION),
        ProcessVariables.flag(execution, VisitCycle.VAR_INTEREST_RECRUITMENT),
        ProcessVariables.flag(execution, VisitCycle.VAR_INTEREST_MENTORING),
        ProcessVariables.flag(execution, VisitCycle.VAR_INTEREST_SPEAKER),
        giving == null ? null : giving.lifetimeGivingCny());
    List<FollowUp> followUps = new FollowUpRules(rules.get()).decide(report);
    for (String task : FOLLOW_UP_TASKS) {
      execution.setVariable(VAR_FOLLOW_UP_PREFIX + task,
          followUps.stream().anyMatch(f -> f.getTaskKey().equals(task)));
    }
    execution.setVariable("followUpRules", String.join("; ",
        followUps.stream().map(f -> f.getTaskKey() + ": " + f.getRule() + " (" + f.getFacts() + ")").toList()));
  }
}
