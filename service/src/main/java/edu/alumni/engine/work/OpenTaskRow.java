package edu.alumni.engine.work;

import java.util.Date;

/** An open task as read from the engine's runtime tables. */
public record OpenTaskRow(String id, String name, String taskKey, String processKey, String processName,
    String processInstanceId, String businessKey, String assignee, Date createTime, Date dueDate) {
}
