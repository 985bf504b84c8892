package edu.alumni.engine.segment;

import edu.alumni.engine.rulebook.RuleBook;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Installs the shipped rules and fails the runs a stop interrupted before the web server takes requests (a run
 * started over HTTP must never be mistaken for an interrupted one); starts scheduled runs when a schedule is set.
 */
@Component
class SegmentationStartup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SegmentationStartup.class);
  static final String SCHEDULER = "scheduler";

  private final RuleBook rules;
  private final SegmentationService runs;
  private final Clock clock;

  SegmentationStartup(RuleBook rules, SegmentationService runs, Clock clock) {
    this.rules = rules;
    this.runs = runs;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    rules.installBuiltIns();
    runs.failInterruptedRuns();
  }

  /** Off by default ("-"); e.g. {@code 0 0 2 * * *} runs every night at 02:00 as of that day. */
  @Scheduled(cron = "${alumni.segmentation.schedule:-}", zone = "${alumni.time-zone:Asia/Shanghai}")
  void scheduledRun() {
    try {
      runs.start(LocalDate.now(clock), SCHEDULER);
    } catch (RunInProgressException e) {
      log.info("Scheduled segmentation skipped: {}", e.getMessage());
    }
  }
}
