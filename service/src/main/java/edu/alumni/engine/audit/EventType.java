package edu.alumni.engine.audit;

/**
 * What happened, in the order events of one activity are listed when they carry the same time (the database keeps
 * whole seconds on MySQL, and a test may hold the engine clock still): entered, task created, its links changed,
 * user operations, decisions and variables, incidents, then the task's end and the activity's end.
 */
public enum EventType {
  INSTANCE_STARTED,
  ACTIVITY_ENTERED,
  TASK_CREATED,
  TASK_CANDIDATES_CHANGED,
  TASK_OWNER_CHANGED,
  TASK_CLAIMED,
  TASK_ASSIGNED,
  TASK_UNASSIGNED,
  USER_OPERATION,
  GIFT_TIER_DECIDED,
  VARIABLE_CHANGED,
  OWNER_DECIDED,
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,
  INCIDENT_DELETED,
  TASK_COMPLETED,
  TASK_CANCELED,
  ACTIVITY_LEFT,
  INSTANCE_ENDED
}
