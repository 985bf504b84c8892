package edu.alumni.engine.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event of an instance's timeline.
 *
 * @param seq          its position in the timeline, from 1
 * @param time         when, ISO 8601 with offset
 * @param type         what happened
 * @param actor        the user who did it (null: the engine, a rule, a timer)
 * @param activityId   the diagram element it concerns, when it concerns one
 * @param activityName that element's name
 * @param taskId       the user task it concerns, when it concerns one
 * @param summary      one line for a person
 * @param data         the event's particulars (rule, facts, old and new values, due dates, ...) as a JSON object,
 *                     which keeps a value that is null (a variable set to null) apart from one that is absent
 */
public record TimelineEvent(int seq, String time, EventType type, String actor, String activityId,
    String activityName, String taskId, String summary, ObjectNode data) {
}
