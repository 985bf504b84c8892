package edu.alumni.engine.console;

import java.util.List;

/**
 * {@code GET /api/me}: who is signed in, their groups and the roles the console shows pages for.
 *
 * @param roles   {@code MANAGER}, {@code AUDITOR}, {@code ADMIN}, {@code COORDINATOR}, from the role groups
 * @param console whether the console has pages for this user (managers, auditors, administrators)
 */
public record Me(String user, String name, List<GroupRef> groups, List<String> roles, boolean console) {

  public record GroupRef(String id, String name) {
  }
}
