package edu.alumni.engine.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.alumni.engine.assignment.OwnerDecision;
import edu.alumni.engine.assignment.OwnerDecisionMapper;
import edu.alumni.engine.stewardship.GiftClassificationRow;
import edu.alumni.engine.stewardship.StewardshipMapper;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.trigger.TriggerStart;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The timeline of one process instance: Camunda's history (the instance, activity instances, tasks and their
 * identity link log, variable updates of the historic details, user operation log, incidents) merged with the
 * service's own decision records (owner decisions, the gift tier decision) into one ordered list.
 *
 * <p>Order: by time; events at the same time (MySQL keeps whole seconds; one engine command often writes several
 * rows at one clock reading) by their activity instance's place in the flow (Camunda's sequence counter, then the
 * order the activity instances were created in, which the time-based ids give), then by {@link EventType} (entered,
 * task created, ..., task completed, left), then by the creation order of the event's own row. Instance started
 * comes first and instance ended last among events at their time.
 */
@Service
public class TimelineService {

  /** Camunda's delete reason of a task that was completed (any other reason: the task was canceled). */
  static final String COMPLETED = "completed";
  static final String ENTITY_PROCESS_INSTANCE = "ProcessInstance";
  static final String OPERATION_SET_JOB_RETRIES = "SetJobRetries";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Particulars whose null is a value (a variable set to null, an operation's property that was unset). */
  private static final Set<String> VALUES = Set.of("oldValue", "newValue", "orgValue");
  private static final long START = Long.MIN_VALUE;
  /** Events of the instance's own scope at its start: start variables, the start through the REST API. */
  private static final long START_SCOPE = Long.MIN_VALUE + 1;
  /** Events tied to no activity (variables set on the instance from outside, instance-level operations). */
  private static final long UNLINKED = Long.MAX_VALUE - 1;
  private static final long END = Long.MAX_VALUE;

  private static final Comparator<Draft> ORDER = Comparator.comparing(Draft::time)
      .thenComparingLong(d -> d.group().seq())
      .thenComparingLong(d -> d.group().order())
      .thenComparing(d -> d.group().id())
      .thenComparing(Draft::type)
      .thenComparingLong(Draft::order)
      .thenComparing(Draft::id);

  private final ProcessHistory instances;
  private final HistoryService history;
  private final AuditMapper audit;
  private final OwnerDecisionMapper ownerDecisions;
  private final StewardshipMapper stewardship;

  public TimelineService(ProcessHistory instances, HistoryService history, AuditMapper audit,
      OwnerDecisionMapper ownerDecisions, StewardshipMapper stewardship) {
    this.instances = instances;
    this.history = history;
    this.audit = audit;
    this.ownerDecisions = ownerDecisions;
    this.stewardship = stewardship;
  }

  /** The timeline of an instance, or 404 when the history does not know it. */
  public Timeline timeline(String processInstanceId) {
    HistoricProcessInstance instance = instances.find(processInstanceId);
    String id = instance.getId();
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .list();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id).list();
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .disableBinaryFetching().disableCustomObjectDeserialization().list();
    List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id).list();
    List<HistoricIncident> incidents = history.createHistoricIncidentQuery().processInstanceId(id).list();
    List<IdentityLinkRow> links = tasks.isEmpty() ? List.of()
        : audit.selectIdentityLinksOfTasks(tasks.stream().map(HistoricTaskInstance::getId).toList());
    List<OwnerDecision> decisions = ownerDecisions.selectByProcessInstanceId(id);

    Build build = new Build(instance, instances.zone(), activities, tasks, operations, incidents);
    Map<String, Object> startValues = build.variables(details);
    Object runId = startValues.get(TriggerStart.VAR_SEGMENTATION_RUN_ID);
    AuditedInstance described = instances.describe(instance, runId,
        startValues.get(TriggerStart.VAR_TRIGGER_RULE), startValues.get(DonationStewardship.VAR_RECORDED_BY),
        new HashMap<>());
    build.instance(described);
    build.activities();
    build.tasks(decisions);
    build.identityLinks(links, decisions);
    build.ownerDecisions(decisions);
    build.operations();
    build.incidents();
    if (DonationStewardship.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
      build.giftTier(giftRef(instance, startValues));
    }
    List<TimelineEvent> events = build.events();
    return new Timeline(described, events.size(), events);
  }

  private GiftClassificationRow giftRef(HistoricProcessInstance instance, Map<String, Object> startValues) {
    Object ref = startValues.get(DonationStewardship.VAR_GIFT_REF);
    String prefix = String.format(DonationStewardship.BUSINESS_KEY_FORMAT, "");
    String giftRef = ref != null ? ref.toString()
        : instance.getBusinessKey() != null && instance.getBusinessKey().startsWith(prefix)
            ? instance.getBusinessKey().substring(prefix.length()) : null;
    GiftClassificationRow row = giftRef == null ? null : stewardship.selectClassification(giftRef);
    // a gift's tier belongs to the instance that decided it
    return row != null && instance.getId().equals(row.processInstanceId()) ? row : null;
  }

  /** Where an event sits in the flow: the activity instance it belongs to. */
  private record Group(long seq, long order, String id, String activityId, String activityName, String taskId) {
  }

  private record Draft(Instant time, Group group, EventType type, long order, String id, String actor,
      String taskId, String summary, ObjectNode data) {
  }

  /** One timeline being built. */
  private static final class Build {

    private final HistoricProcessInstance instance;
    private final ZoneId zone;
    private final List<HistoricActivityInstance> activities;
    private final List<HistoricTaskInstance> tasks;
    private final List<UserOperationLogEntry> operations;
    private final List<HistoricIncident> incidents;
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, HistoricTaskInstance> taskById = new HashMap<>();
    private final Map<String, String> userOfOperation = new HashMap<>();
    private final Group start;
    private final Group startScope;
    private final Group unlinked;
    private final Group end;
    private final List<Draft> drafts = new ArrayList<>();

    Build(HistoricProcessInstance instance, ZoneId zone, List<HistoricActivityInstance> activities,
        List<HistoricTaskInstance> tasks, List<UserOperationLogEntry> operations, List<HistoricIncident> incidents) {
      this.instance = instance;
      this.zone = zone;
      this.activities = activities;
      this.tasks = tasks;
      this.operations = operations;
      this.incidents = incidents;
      start = new Group(START, 0, "", null, null, null);
      startScope = new Group(START_SCOPE, 0, "", null, null, null);
      unlinked = new Group(UNLINKED, 0, "", null, null, null);
      end = new Group(END, 0, "", null, null, null);
      for (HistoricActivityInstance a : activities) {
        groups.put(a.getId(), new Group(sequence(a), creationOrder(a.getId()), a.getId(), a.getActivityId(),
            a.getActivityName(), a.getTaskId()));
      }
      tasks.forEach(t -> taskById.put(t.getId(), t));
      for (UserOperationLogEntry o : operations) {
        if (o.getOperationId() != null && o.getUserId() != null) {
          userOfOperation.put(o.getOperationId(), o.getUserId());
        }
      }
    }

    private Group groupOfTask(String taskId) {
      HistoricTaskInstance task = taskId == null ? null : taskById.get(taskId);
      return task == null ? unlinked : groups.getOrDefault(task.getActivityInstanceId(), unlinked);
    }

    private void add(Date time, Group group, EventType type, String rowId, String actor, String taskId,
        String summary, ObjectNode data) {
      add(AuditTimes.instant(time), group, type, rowId, actor, taskId, summary, data);
    }

    private void add(Instant time, Group group, EventType type, String rowId, String actor, String taskId,
        String summary, ObjectNode data) {
      if (time == null) {
        return;
      }
      drafts.add(new Draft(time, group, type, creationOrder(rowId), rowId == null ? "" : rowId, actor,
          taskId != null ? taskId : group.taskId(), summary, data));
    }

    void instance(AuditedInstance described) {
      ObjectNode data = NODES.objectNode()
          .put("processKey", instance.getProcessDefinitionKey())
          .put("version", instance.getProcessDefinitionVersion())
          .put("businessKey", instance.getBusinessKey())
          .put("cause", described.cause())
          .put("startActivityId", instance.getStartActivityId());
      String summary;
      if (described.trigger() != null) {
        AuditedInstance.Trigger t = described.trigger();
        data.set("trigger", NODES.objectNode().put("segmentationRunId", t.segmentationRunId())
            .put("asOf", t.asOf()).put("rulesetVersion", t.rulesetVersion()).put("rule", t.rule()));
        summary = "Started by the triggers of segmentation run " + t.segmentationRunId()
            + (t.asOf() == null ? "" : " (as of " + t.asOf() + ")") + ", rule '" + t.rule() + "'";
      } else if (instance.getStartUserId() != null) {
        summary = "Started by " + instance.getStartUserId();
      } else if (AuditedInstance.CAUSE_GIFT_RECORDED.equals(described.cause())) {
        summary = described.startedBy() == null ? "Started when the gift was recorded (POST /api/gifts)"
            : "Started when " + described.startedBy() + " recorded the gift (POST /api/gifts)";
      } else {
        summary = "Started without a recorded user or trigger";
      }
      add(instance.getStartTime(), start, EventType.INSTANCE_STARTED, instance.getId(), described.startedBy(),
          null, summary + ": " + instance.getProcessDefinitionKey() + " v" + instance.getProcessDefinitionVersion()
              + " " + Objects.toString(instance.getBusinessKey(), ""), data);
      if (instance.getEndTime() != null) {
        ObjectNode ended = NODES.objectNode().put("state", instance.getState())
            .put("endActivityId", instance.getEndActivityId()).put("durationMs", instance.getDurationInMillis());
        if (instance.getDeleteReason() != null) {
          ended.put("deleteReason", instance.getDeleteReason());
        }
        add(instance.getEndTime(), end, EventType.INSTANCE_ENDED, instance.getId(), null, null,
            "Ended: " + instance.getState()
                + (instance.getDeleteReason() == null ? "" : " (" + instance.getDeleteReason() + ")"), ended);
      }
    }

    void activities() {
      for (HistoricActivityInstance a : activities) {
        Group group = groups.get(a.getId());
        String name = name(a.getActivityName(), a.getActivityId());
        add(a.getStartTime(), group, EventType.ACTIVITY_ENTERED, a.getId(), null, null,
            "Entered " + name + " (" + a.getActivityType() + ")",
            NODES.objectNode().put("activityType", a.getActivityType()).put("activityInstanceId", a.getId()));
        if (a.getEndTime() != null) {
          add(a.getEndTime(), group, EventType.ACTIVITY_LEFT, a.getId(), null, null,
              (a.isCanceled() ? "Canceled " : "Left ") + name,
              NODES.objectNode().put("activityType", a.getActivityType()).put("activityInstanceId", a.getId())
                  .put("durationMs", a.getDurationInMillis()).put("canceled", a.isCanceled()));
        }
      }
    }

    void tasks(List<OwnerDecision> decisions) {
      Map<String, OwnerDecision> decisionOfTask = new HashMap<>();
      decisions.forEach(d -> decisionOfTask.put(d.taskId(), d));
      Date now = ClockUtil.getCurrentTime();
      for (HistoricTaskInstance t : tasks) {
        Group group = groupOfTask(t.getId());
        String name = "'" + name(t.getName(), t.getTaskDefinitionKey()) + "'";
        OwnerDecision decision = decisionOfTask.get(t.getId());
        ObjectNode created = NODES.objectNode().put("taskKey", t.getTaskDefinitionKey()).put("name", t.getName())
            .put("due", AuditTimes.format(t.getDueDate(), zone));
        if (decision != null) {
          created.set("candidateGroups", groupsOf(decision));
        }
        boolean open = t.getEndTime() == null;
        created.put("open", open);
        if (open && t.getDueDate() != null) {
          created.put("overdueNow", now.after(t.getDueDate()));
        }
        add(t.getStartTime(), group, EventType.TASK_CREATED, t.getId(), null, t.getId(),
            "Task " + name + " created" + (decision == null ? "" : " for " + decision.candidateGroups())
                + (t.getDueDate() == null ? "" : ", due " + AuditTimes.format(t.getDueDate(), zone)), created);
        if (open) {
          continue;
        }
        if (COMPLETED.equals(t.getDeleteReason())) {
          String by = completer(t);
          boolean overdue = t.getDueDate() != null && t.getEndTime().after(t.getDueDate());
          ObjectNode done = NODES.objectNode().put("taskKey", t.getTaskDefinitionKey()).put("completedBy", by)
              .put("assignee", t.getAssignee()).put("due", AuditTimes.format(t.getDueDate(), zone))
              .put("durationMs", t.getDurationInMillis());
          if (t.getDueDate() != null) {
            done.put("overdue", overdue);
          }
          add(t.getEndTime(), group, EventType.TASK_COMPLETED, t.getId(), by, t.getId(),
              "Task " + name + " completed" + (by == null ? "" : " by " + by)
                  + (t.getDueDate() == null ? "" : overdue ? ", after its due date (overdue)" : ", on time"), done);
        } else {
          add(t.getEndTime(), group, EventType.TASK_CANCELED, t.getId(), null, t.getId(),
              "Task " + name + " ended without being completed: " + t.getDeleteReason(),
              NODES.objectNode().put("taskKey", t.getTaskDefinitionKey()).put("reason", t.getDeleteReason()));
        }
      }
    }

    /** Who completed a task: the signed-in user of the Complete operation, else its assignee. */
    private String completer(HistoricTaskInstance t) {
      String by = null;
      for (UserOperationLogEntry o : operations) {
        if (t.getId().equals(o.getTaskId())
            && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.getOperationType())) {
          by = o.getUserId();
        }
      }
      return by != null ? by : t.getAssignee();
    }

    void identityLinks(List<IdentityLinkRow> links, List<OwnerDecision> decisions) {
      Map<String, Set<String>> decided = new HashMap<>();
      for (OwnerDecision d : decisions) {
        decided.put(d.taskId(), new HashSet<>(Arrays.asList(d.candidateGroups().split(","))));
      }
      List<IdentityLinkRow> ordered = new ArrayList<>(links);
      ordered.sort(Comparator.comparing(IdentityLinkRow::linkTime)
          .thenComparingLong(l -> creationOrder(l.id())).thenComparing(IdentityLinkRow::id));
      for (IdentityLinkRow l : ordered) {
        Group group = groupOfTask(l.taskId());
        boolean add = IdentityLinkRow.OPERATION_ADD.equals(l.operationType());
        String who = l.userId() != null ? l.userId() : "group " + l.groupId();
        ObjectNode data = NODES.objectNode().put("linkType", l.linkType()).put("operation", l.operationType())
            .put("userId", l.userId()).put("groupId", l.groupId()).put("by", l.assignerId());
        if (IdentityLinkRow.TYPE_ASSIGNEE.equals(l.linkType())) {
          if (!add) {
            add(l.linkTime(), group, EventType.TASK_UNASSIGNED, l.id(), l.assignerId(), l.taskId(),
                who + " is no longer assignee" + by(l), data);
          } else if (l.userId() != null && l.userId().equals(l.assignerId())) {
            add(l.linkTime(), group, EventType.TASK_CLAIMED, l.id(), l.userId(), l.taskId(),
                "Claimed by " + l.userId(), data);
          } else {
            add(l.linkTime(), group, EventType.TASK_ASSIGNED, l.id(), l.assignerId(), l.taskId(),
                "Assigned to " + who + by(l), data);
          }
        } else if (IdentityLinkRow.TYPE_CANDIDATE.equals(l.linkType())) {
          // the groups the owner decision gave the new task are that decision's event, not another one
          Set<String> fromDecision = decided.get(l.taskId());
          if (add && l.groupId() != null && fromDecision != null && fromDecision.remove(l.groupId())) {
            continue;
          }
          add(l.linkTime(), group, EventType.TASK_CANDIDATES_CHANGED, l.id(), l.assignerId(), l.taskId(),
              (add ? "Candidate added: " : "Candidate removed: ") + who + by(l), data);
        } else {
          add(l.linkTime(), group, EventType.TASK_OWNER_CHANGED, l.id(), l.assignerId(), l.taskId(),
              (add ? "Task owner set: " : "Task owner removed: ") + who + by(l), data);
        }
      }
    }

    private static String by(IdentityLinkRow l) {
      return l.assignerId() == null ? "" : " by " + l.assignerId();
    }

    void ownerDecisions(List<OwnerDecision> decisions) {
      for (OwnerDecision d : decisions) {
        ObjectNode data = NODES.objectNode().put("taskKey", d.taskKey());
        data.set("candidateGroups", groupsOf(d));
        data.put("due", AuditTimes.format(AuditTimes.instant(d.dueAt(), zone), zone))
            .put("secondApprover", d.secondApprover()).put("rule", d.ruleName())
            .put("rulesetVersion", d.rulesetVersion()).put("facts", d.facts()).put("fallback", d.fallback());
        add(AuditTimes.instant(d.decidedAt(), zone), groupOfTask(d.taskId()), EventType.OWNER_DECIDED, d.taskId(),
            null, d.taskId(), "Owner of " + d.taskKey() + ": " + d.candidateGroups() + " by rule '" + d.ruleName()
                + "' (" + d.facts() + ")", data);
      }
    }

    private static ArrayNode groupsOf(OwnerDecision d) {
      ArrayNode groups = NODES.arrayNode();
      Arrays.stream(d.candidateGroups().split(",")).filter(g -> !g.isBlank()).forEach(groups::add);
      return groups;
    }

    /**
     * The variable updates, each with the value before it (the previous update of the same variable instance);
     * returns the first value of every variable, for the instance's start.
     */
    Map<String, Object> variables(List<HistoricDetail> details) {
      List<HistoricVariableUpdate> updates = new ArrayList<>();
      for (HistoricDetail d : details) {
        if (d instanceof HistoricVariableUpdate u) {
          updates.add(u);
        }
      }
      updates.sort(Comparator.comparing(HistoricVariableUpdate::getVariableInstanceId, Comparator.nullsFirst(
              Comparator.naturalOrder()))
          .thenComparingInt(HistoricVariableUpdate::getRevision)
          .thenComparingLong(TimelineService::sequence)
          .thenComparing(HistoricDetail::getTime));
      Map<String, Object> firstValues = new HashMap<>();
      Map<String, HistoricVariableUpdate> previous = new HashMap<>();
      for (HistoricVariableUpdate u : updates) {
        HistoricVariableUpdate before = u.getVariableInstanceId() == null ? null
            : previous.put(u.getVariableInstanceId(), u);
        Object value = plain(u);
        if (u.getActivityInstanceId() != null && u.getActivityInstanceId().equals(instance.getId())) {
          firstValues.putIfAbsent(u.getVariableName(), value);
        }
        Group group = groups.get(u.getActivityInstanceId());
        if (group == null) {
          boolean atStart = instance.getId().equals(u.getActivityInstanceId())
              && u.getTime().equals(instance.getStartTime());
          group = atStart ? startScope : unlinked;
        }
        String actor = u.getUserOperationId() == null ? null : userOfOperation.get(u.getUserOperationId());
        ObjectNode data = NODES.objectNode().put("name", u.getVariableName()).put("type", u.getTypeName());
        if (before != null) {
          put(data, "oldValue", plain(before));
        }
        put(data, "newValue", value);
        data.put("revision", u.getRevision());
        if (u.getErrorMessage() != null) {
          data.put("error", u.getErrorMessage());
        }
        add(u.getTime(), group, EventType.VARIABLE_CHANGED, u.getId(), actor, u.getTaskId(),
            before == null ? u.getVariableName() + " set to " + text(value)
                : u.getVariableName() + ": " + text(plain(before)) + " → " + text(value), data);
      }
      return firstValues;
    }

    /** A variable's value as JSON can carry it; binary and serialized objects by their type only. */
    private Object plain(HistoricVariableUpdate u) {
      Object value = u.getValue();
      if (value == null) {
        return null;
      }
      if (value instanceof Date date) {
        return AuditTimes.format(date, zone);
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value;
      }
      return "(" + u.getTypeName() + " value)";
    }

    private static String text(Object value) {
      return value == null ? "null" : value instanceof String s ? "'" + s + "'" : value.toString();
    }

    private static void put(ObjectNode data, String name, Object value) {
      if (value == null) {
        data.putNull(name);
      } else if (value instanceof String s) {
        data.put(name, s);
      } else if (value instanceof Boolean b) {
        data.put(name, b);
      } else if (value instanceof BigDecimal d) {
        data.put(name, d);
      } else if (value instanceof Double || value instanceof Float) {
        data.put(name, ((Number) value).doubleValue());
      } else if (value instanceof Number n) {
        data.put(name, n.longValue());
      } else {
        data.put(name, value.toString());
      }
    }

    void operations() {
      Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
      List<UserOperationLogEntry> ordered = new ArrayList<>(operations);
      ordered.sort(Comparator.comparing(UserOperationLogEntry::getTimestamp)
          .thenComparingLong(o -> creationOrder(o.getId())));
      for (UserOperationLogEntry o : ordered) {
        byOperation.computeIfAbsent(o.getOperationId() == null ? o.getId() : o.getOperationId(),
            k -> new ArrayList<>()).add(o);
      }
      for (List<UserOperationLogEntry> entries : byOperation.values()) {
        UserOperationLogEntry first = entries.get(0);
        String taskId = entries.stream().map(UserOperationLogEntry::getTaskId).filter(Objects::nonNull).findFirst()
            .orElse(null);
        String jobId = entries.stream().map(UserOperationLogEntry::getJobId).filter(Objects::nonNull).findFirst()
            .orElse(null);
        Group group;
        if (taskId != null) {
          group = groupOfTask(taskId);
        } else if (jobId != null) {
          group = incidents.stream().filter(i -> jobId.equals(i.getConfiguration())).findFirst()
              .map(this::groupOfIncident).orElse(unlinked);
        } else if (ENTITY_PROCESS_INSTANCE.equals(first.getEntityType())
            && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(first.getOperationType())) {
          group = startScope;
        } else {
          group = unlinked;
        }
        ObjectNode data = NODES.objectNode().put("operationId", first.getOperationId())
            .put("operationType", first.getOperationType()).put("entityType", first.getEntityType())
            .put("category", first.getCategory());
        if (jobId != null) {
          data.put("jobId", jobId);
        }
        if (first.getAnnotation() != null) {
          data.put("annotation", first.getAnnotation());
        }
        ArrayNode changes = data.putArray("changes");
        for (UserOperationLogEntry e : entries) {
          if (e.getProperty() != null) {
            changes.addObject().put("property", e.getProperty()).put("orgValue", e.getOrgValue())
                .put("newValue", e.getNewValue());
          }
        }
        add(first.getTimestamp(), group, EventType.USER_OPERATION, first.getId(), first.getUserId(), taskId,
            Objects.toString(first.getUserId(), "(no user)") + ": " + first.getOperationType() + " "
                + first.getEntityType(), data);
      }
    }

    /** The activity instance an incident arose in: its activity, its execution if that is known, the latest. */
    private Group groupOfIncident(HistoricIncident incident) {
      HistoricActivityInstance best = null;
      for (HistoricActivityInstance a : activities) {
        if (!a.getActivityId().equals(incident.getActivityId()) || a.getStartTime().after(incident.getCreateTime())) {
          continue;
        }
        boolean same = Objects.equals(a.getExecutionId(), incident.getExecutionId());
        boolean bestSame = best != null && Objects.equals(best.getExecutionId(), incident.getExecutionId());
        if (best == null || same && !bestSame || same == bestSame && a.getStartTime().after(best.getStartTime())) {
          best = a;
        }
      }
      return best == null ? unlinked : groups.get(best.getId());
    }

    void incidents() {
      for (HistoricIncident i : incidents) {
        Group group = groupOfIncident(i);
        ObjectNode data = NODES.objectNode().put("incidentId", i.getId()).put("incidentType", i.getIncidentType())
            .put("message", i.getIncidentMessage()).put("activityId", i.getActivityId())
            .put("failedActivityId", i.getFailedActivityId()).put("configuration", i.getConfiguration());
        if (i.getAnnotation() != null) {
          data.put("annotation", i.getAnnotation());
        }
        add(i.getCreateTime(), group, EventType.INCIDENT_CREATED, i.getId(), null, null,
            "Incident " + i.getIncidentType() + " at " + i.getActivityId()
                + (i.getIncidentMessage() == null ? "" : ": " + i.getIncidentMessage()), data);
        if (i.isResolved() || i.isDeleted()) {
          String by = resolver(i);
          add(i.getEndTime(), group, i.isResolved() ? EventType.INCIDENT_RESOLVED : EventType.INCIDENT_DELETED,
              i.getId(), by, null, "Incident " + i.getIncidentType() + " at " + i.getActivityId()
                  + (i.isResolved() ? " resolved" : " removed") + (by == null ? "" : " by " + by),
              NODES.objectNode().put("incidentId", i.getId()).put("incidentType", i.getIncidentType())
                  .put("by", by));
        }
      }
    }

    /** The user whose job retries ended a failed-job incident (same job, same second), if any. */
    private String resolver(HistoricIncident i) {
      String by = null;
      Instant end = i.getEndTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
      for (UserOperationLogEntry o : operations) {
        if (Objects.equals(o.getJobId(), i.getConfiguration()) && OPERATION_SET_JOB_RETRIES.equals(
            o.getOperationType()) && o.getTimestamp().toInstant().truncatedTo(ChronoUnit.SECONDS).equals(end)) {
          by = o.getUserId();
        }
      }
      return by;
    }

    void giftTier(GiftClassificationRow tier) {
      if (tier == null) {
        return;
      }
      Instant decided = AuditTimes.instant(tier.decidedAt(), zone);
      HistoricActivityInstance classify = null;
      for (HistoricActivityInstance a : activities) {
        if (DonationStewardship.CLASSIFY_GIFT.equals(a.getActivityId())
            && !a.getStartTime().toInstant().isAfter(decided)
            && (classify == null || a.getStartTime().after(classify.getStartTime()))) {
          classify = a;
        }
      }
      ObjectNode data = NODES.objectNode().put("giftRef", tier.giftRef()).put("tier", tier.tier())
          .put("agreementRequired", tier.agreementRequired()).put("rule", tier.ruleName())
          .put("rulesetVersion", tier.rulesetVersion()).put("facts", tier.facts());
      add(decided, classify == null ? unlinked : groups.get(classify.getId()), EventType.GIFT_TIER_DECIDED,
          tier.giftRef(), null, null, "Gift " + tier.giftRef() + " classified " + tier.tier()
              + (tier.agreementRequired() ? ", agreement required" : "") + " by rule '" + tier.ruleName() + "' ("
              + tier.facts() + ")", data);
    }

    List<TimelineEvent> events() {
      drafts.sort(ORDER);
      List<TimelineEvent> events = new ArrayList<>(drafts.size());
      int seq = 0;
      for (Draft d : drafts) {
        events.add(new TimelineEvent(++seq, AuditTimes.format(d.time(), zone), d.type(), d.actor(),
            d.group().activityId(), d.group().activityName(), d.taskId(), d.summary(), withoutNulls(d.data())));
      }
      return events;
    }

    /** Absent particulars are left out, as in the rest of the API; a value that is null stays (a variable's). */
    private static ObjectNode withoutNulls(ObjectNode data) {
      List<String> absent = new ArrayList<>();
      data.fields().forEachRemaining(f -> {
        if (f.getValue().isNull() && !VALUES.contains(f.getKey())) {
          absent.add(f.getKey());
        } else if (f.getValue() instanceof ObjectNode nested) {
          withoutNulls(nested);
        }
      });
      data.remove(absent);
      return data;
    }

    private static String name(String name, String id) {
      return name == null || name.isBlank() ? id : name;
    }
  }

  /** Camunda's sequence counter of a history row: the order of activity instances along one execution path. */
  static long sequence(Object historyRow) {
    return historyRow instanceof HistoryEvent e ? e.getSequenceCounter() : 0;
  }

  /**
   * The creation order of a Camunda id: the engine's time-based (version 1) UUIDs, also after an activity id
   * ({@code issueReceipt:9f1c...}), carry a timestamp of 100 ns steps that grows within the JVM; numeric ids (the
   * database id generator) count up. 0 for anything else.
   */
  static long creationOrder(String id) {
    if (id == null) {
      return 0;
    }
    String tail = id.substring(id.lastIndexOf(':') + 1);
    if (tail.length() == 36) {
      try {
        UUID uuid = UUID.fromString(tail);
        return uuid.version() == 1 ? uuid.timestamp() : 0;
      } catch (IllegalArgumentException notUuid) {
        return 0;
      }
    }
    try {
      return Long.parseLong(tail);
    } catch (NumberFormatException notNumeric) {
      return 0;
    }
  }
}
