package edu.alumni.engine.system;

import edu.alumni.engine.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.Group;

/** The staff groups of DOMAIN.md: role groups, office-level units, one group per college and per chapter. */
public final class StaffGroups {

  public static final String COORDINATORS = "coordinators";
  public static final String MANAGERS = "managers";
  public static final String AUDITORS = "auditors";
  /** Camunda's own administrators group; the configured admin user is in it. */
  public static final String ADMINS = "camunda-admin";

  public static final String ALUMNI_OFFICE = "alumni-office";
  public static final String FOUNDATION = "foundation";
  public static final String FOUNDATION_FINANCE = "foundation-finance";
  public static final String MAJOR_GIFTS = "major-gifts";
  public static final String PRESIDENT_OFFICE = "president-office";
  public static final String COMMUNICATIONS = "communications";
  public static final String CAREER_CENTER = "career-center";
  public static final String STUDENT_AFFAIRS = "student-affairs";

  /** Camunda group types: roles say what a person may do, units whose work they own. */
  public static final String TYPE_ROLE = "ROLE";
  public static final String TYPE_UNIT = "UNIT";

  private StaffGroups() {
  }

  /**
   * What a member of these groups may do, by group id: the groups themselves, and {@link #COORDINATORS} for a member
   * of any unit group, since a unit's staff work as coordinators (DOMAIN.md) even when nobody added them to the
   * coordinators group too.
   */
  public static List<String> authorities(Collection<? extends Group> groups) {
    List<String> ids = new ArrayList<>(groups.stream().map(Group::getId).toList());
    if (!ids.contains(COORDINATORS) && groups.stream().anyMatch(g -> TYPE_UNIT.equals(g.getType()))) {
      ids.add(COORDINATORS);
    }
    return List.copyOf(ids);
  }

  public static String college(String code) {
    return "college-" + code;
  }

  public static String chapter(String code) {
    return "chapter-" + code;
  }

  /** Every group id with its display name and type, in a stable order. */
  public static Map<String, String[]> all(Catalogue catalogue) {
    Map<String, String[]> groups = new LinkedHashMap<>();
    groups.put(COORDINATORS, new String[] {"Coordinators 协调员", TYPE_ROLE});
    groups.put(MANAGERS, new String[] {"Managers 管理者", TYPE_ROLE});
    groups.put(AUDITORS, new String[] {"Auditors 审计", TYPE_ROLE});
    groups.put(ALUMNI_OFFICE, new String[] {"校友工作与基金事务办公室 Alumni office", TYPE_UNIT});
    groups.put(FOUNDATION, new String[] {"教育基金会 Foundation", TYPE_UNIT});
    groups.put(FOUNDATION_FINANCE, new String[] {"基金会财务 Foundation finance", TYPE_UNIT});
    groups.put(MAJOR_GIFTS, new String[] {"大额捐赠 Major gifts", TYPE_UNIT});
    groups.put(PRESIDENT_OFFICE, new String[] {"校长办公室 President's office", TYPE_UNIT});
    groups.put(COMMUNICATIONS, new String[] {"宣传 Communications", TYPE_UNIT});
    groups.put(CAREER_CENTER, new String[] {"就业指导中心 Career centre", TYPE_UNIT});
    groups.put(STUDENT_AFFAIRS, new String[] {"学生工作 Student affairs", TYPE_UNIT});
    catalogue.colleges().values().forEach(c -> groups.put(college(c.code()), new String[] {c.name(), TYPE_UNIT}));
    catalogue.chapters().values().forEach(c -> groups.put(chapter(c.code()), new String[] {c.name(), TYPE_UNIT}));
    return groups;
  }
}
