package edu.alumni.engine.demo;

import static edu.alumni.engine.system.StaffGroups.ADMINS;
import static edu.alumni.engine.system.StaffGroups.ALUMNI_OFFICE;
import static edu.alumni.engine.system.StaffGroups.AUDITORS;
import static edu.alumni.engine.system.StaffGroups.CAREER_CENTER;
import static edu.alumni.engine.system.StaffGroups.COMMUNICATIONS;
import static edu.alumni.engine.system.StaffGroups.COORDINATORS;
import static edu.alumni.engine.system.StaffGroups.FOUNDATION;
import static edu.alumni.engine.system.StaffGroups.FOUNDATION_FINANCE;
import static edu.alumni.engine.system.StaffGroups.MAJOR_GIFTS;
import static edu.alumni.engine.system.StaffGroups.MANAGERS;
import static edu.alumni.engine.system.StaffGroups.PRESIDENT_OFFICE;
import static edu.alumni.engine.system.StaffGroups.STUDENT_AFFAIRS;
import static edu.alumni.engine.system.StaffGroups.chapter;
import static edu.alumni.engine.system.StaffGroups.college;

import java.util.List;

/** The demo accounts (profile {@code demo}): one per role, and a coordinator for each kind of unit. */
public final class DemoUsers {

  /** The password of every demo account. */
  public static final String PASSWORD = "demo";

  /** A demo account and the groups it belongs to. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {

    public String email() {
      return id + "@alumni.example.edu.cn";
    }
  }

  public static final List<DemoUser> ALL = List.of(
      new DemoUser("demo-admin", "Demo", "Administrator 系统管理员", List.of(ADMINS)),
      new DemoUser("demo-manager", "Demo", "Manager 管理者", List.of(MANAGERS)),
      new DemoUser("demo-auditor", "Demo", "Auditor 审计", List.of(AUDITORS)),
      new DemoUser("demo-college", "Demo", "College coordinator 计算机学院", List.of(COORDINATORS, college("cs"))),
      new DemoUser("demo-chapter", "Demo", "Chapter liaison 北京校友会", List.of(COORDINATORS, chapter("bj"))),
      new DemoUser("demo-office", "Demo", "Alumni office 校友办", List.of(COORDINATORS, ALUMNI_OFFICE)),
      new DemoUser("demo-foundation", "Demo", "Foundation officer 基金会", List.of(COORDINATORS, FOUNDATION)),
      new DemoUser("demo-finance", "Demo", "Foundation finance 基金会财务", List.of(COORDINATORS, FOUNDATION_FINANCE)),
      new DemoUser("demo-majorgifts", "Demo", "Major gifts officer 大额捐赠", List.of(COORDINATORS, MAJOR_GIFTS)),
      new DemoUser("demo-president", "Demo", "President's office 校长办公室", List.of(COORDINATORS, PRESIDENT_OFFICE)),
      new DemoUser("demo-comms", "Demo", "Communications 宣传", List.of(COORDINATORS, COMMUNICATIONS)),
      new DemoUser("demo-career", "Demo", "Career centre 就业指导中心", List.of(COORDINATORS, CAREER_CENTER)),
      new DemoUser("demo-students", "Demo", "Student affairs 学生工作", List.of(COORDINATORS, STUDENT_AFFAIRS)));

  private DemoUsers() {
  }
}
