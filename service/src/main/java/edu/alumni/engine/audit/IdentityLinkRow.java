package edu.alumni.engine.audit;

import java.util.Date;

/**
 * A row of Camunda's identity link log (ACT_HI_IDENTITYLINK): who was made assignee, candidate or owner of a task,
 * or removed, by whom ({@code assignerId}, the signed-in user), when.
 */
public record IdentityLinkRow(String id, Date linkTime, String linkType, String userId, String groupId,
    String taskId, String operationType, String assignerId) {

  static final String TYPE_ASSIGNEE = "assignee";
  static final String TYPE_CANDIDATE = "candidate";
  static final String TYPE_OWNER = "owner";
  static final String OPERATION_ADD = "add";
}
