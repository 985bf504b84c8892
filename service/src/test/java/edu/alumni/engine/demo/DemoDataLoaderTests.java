package edu.alumni.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.demo.DemoUsers.DemoUser;
import edu.alumni.engine.system.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Profile {@code demo}: the demo accounts with their groups, and a generated registry imported once. An in-memory
 * database of its own, so the registry is empty at start whatever other tests stored.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-loader-tests;DB_CLOSE_DELAY=-1",
    "alumni.demo.alumni=300",
    "alumni.demo.seed=42"})
@ActiveProfiles({"test", "demo"})
@Tag("database")
class DemoDataLoaderTests {

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  DemoDataLoader loader;

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @Test
  void everyDemoAccountExistsWithPasswordDemoAndItsGroups() {
    assertThat(DemoUsers.ALL).extracting(DemoUser::id).containsExactlyInAnyOrder("demo-admin", "demo-manager",
        "demo-auditor", "demo-college", "demo-chapter", "demo-office", "demo-foundation", "demo-finance",
        "demo-majorgifts", "demo-president", "demo-comms", "demo-career", "demo-students");
    for (DemoUser u : DemoUsers.ALL) {
      assertThat(identity.checkPassword(u.id(), "demo")).as(u.id()).isTrue();
      assertThat(identity.createGroupQuery().groupMember(u.id()).list()).extracting(Group::getId)
          .as(u.id()).containsExactlyInAnyOrderElementsOf(u.groups());
    }
    assertThat(groupsOf("demo-admin")).containsExactly(StaffGroups.ADMINS);
    assertThat(groupsOf("demo-manager")).containsExactly(StaffGroups.MANAGERS);
    assertThat(groupsOf("demo-auditor")).containsExactly(StaffGroups.AUDITORS);
    assertThat(groupsOf("demo-college")).containsExactlyInAnyOrder(StaffGroups.COORDINATORS, "college-cs");
    assertThat(groupsOf("demo-chapter")).containsExactlyInAnyOrder(StaffGroups.COORDINATORS, "chapter-bj");
    assertThat(groupsOf("demo-finance")).containsExactlyInAnyOrder(StaffGroups.COORDINATORS,
        StaffGroups.FOUNDATION_FINANCE);
    assertThat(groupsOf("demo-majorgifts")).containsExactlyInAnyOrder(StaffGroups.COORDINATORS,
        StaffGroups.MAJOR_GIFTS);
    assertThat(identity.checkPassword("demo-manager", "wrong")).isFalse();
  }

  java.util.List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void theGeneratedRegistryWasImportedWithItsGifts() {
    assertThat(count("alumnus")).isEqualTo(300);
    long gifts = count("gift");
    assertThat(gifts).isBetween(300L, 1_500L);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT student_no) FROM gift", Long.class))
        .isBetween(60L, 150L);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT college_code) FROM alumnus", Long.class)).isEqualTo(12);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alumnus WHERE chapter_code IS NOT NULL", Long.class))
        .isGreaterThan(100L);
  }

  @Test
  void aSecondRunImportsNothingAgainAndKeepsTheAccounts() throws Exception {
    long alumni = count("alumnus");
    long gifts = count("gift");
    long memberships = count("ACT_ID_MEMBERSHIP");
    long users = count("ACT_ID_USER");

    loader.run(new DefaultApplicationArguments());

    assertThat(count("alumnus")).isEqualTo(alumni);
    assertThat(count("gift")).isEqualTo(gifts);
    assertThat(count("ACT_ID_USER")).isEqualTo(users);
    assertThat(count("ACT_ID_MEMBERSHIP")).isEqualTo(memberships);
  }
}
