package edu.alumni.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.jdbc.core.JdbcTemplate;

/** The owner decisions of a command written in one statement, and read back; each test is rolled back. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class OwnerDecisionMapperTests {

  static final LocalDateTime DECIDED = LocalDateTime.of(2026, 3, 2, 10, 0);

  @Autowired
  OwnerDecisionMapper decisions;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void none() {
    jdbc.update("DELETE FROM owner_decision");
  }

  private static OwnerDecision decision(String taskId, String taskKey, String groups, LocalDateTime due,
      boolean fallback) {
    return new OwnerDecision(taskId, "pi-1", "donationStewardship", taskKey, "gift-G-1", groups, due, null,
        "Rule of " + taskKey, "sha256:" + "0".repeat(64), "amount=500.00, fund=general (unrestricted)", fallback,
        DECIDED);
  }

  @Test
  void theDecisionsOfOneCommandAreWrittenTogetherAndReadBackWhole() {
    OwnerDecision receipt = decision("t-1", "issueReceipt", "foundation-finance", DECIDED.plusDays(5), false);
    OwnerDecision thanks = decision("t-2", "acknowledgeGift", "chapter-sh,major-gifts", DECIDED.plusHours(48),
        false);
    OwnerDecision unknown = decision("t-3", "someChore", "alumni-office", null, true);

    decisions.insertDecisions(List.of(receipt, thanks, unknown));

    assertThat(decisions.selectByTaskId("t-2")).isEqualTo(thanks);
    assertThat(decisions.selectByTaskId("t-3")).isEqualTo(unknown);
    assertThat(decisions.selectByProcessInstanceId("pi-1")).containsExactly(receipt, thanks, unknown);
  }

  @Test
  void oneDecisionAlone() {
    OwnerDecision receipt = decision("t-1", "issueReceipt", "foundation-finance", DECIDED.plusDays(5), false);
    decisions.insertDecisions(List.of(receipt));
    assertThat(decisions.selectByProcessInstanceId("pi-1")).containsExactly(receipt);
    assertThat(decisions.selectByTaskId("t-9")).isNull();
  }
}
