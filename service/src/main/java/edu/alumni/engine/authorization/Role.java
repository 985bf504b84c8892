package edu.alumni.engine.authorization;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.system.StaffGroups;
import java.util.ArrayList;
import java.util.List;

/** The four kinds of people of DOMAIN.md, each the Camunda groups whose members act in it. */
public enum Role {

  /** The {@code coordinators} role group and every unit group (colleges, chapters, offices): they work tasks. */
  COORDINATOR,
  MANAGER,
  AUDITOR,
  /** Camunda's {@code camunda-admin}: the configured admin user is in it. */
  ADMIN;

  /** The group ids the role's grants go to, in a stable order. */
  public List<String> groups(Catalogue catalogue) {
    return switch (this) {
      case COORDINATOR -> {
        List<String> groups = new ArrayList<>();
        groups.add(StaffGroups.COORDINATORS);
        StaffGroups.all(catalogue).forEach((id, nameAndType) -> {
          if (StaffGroups.TYPE_UNIT.equals(nameAndType[1])) {
            groups.add(id);
          }
        });
        yield List.copyOf(groups);
      }
      case MANAGER -> List.of(StaffGroups.MANAGERS);
      case AUDITOR -> List.of(StaffGroups.AUDITORS);
      case ADMIN -> List.of(StaffGroups.ADMINS);
    };
  }
}
