package edu.alumni.engine.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a local time of the university's zone: the time timers, due dates and deadlines run on,
 * which the process tests move. What a process step records (a decision, an RSVP, an allocation) is stamped with
 * it, so the records agree with the deadlines they were checked against.
 */
public final class EngineTime {

  private EngineTime() {
  }

  public static LocalDateTime now(ZoneId zone) {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }
}
