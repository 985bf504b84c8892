package edu.alumni.engine.visit;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A filed contact report (走访记录). */
public record ContactReportRow(String processInstanceId, String taskId, String studentNo, LocalDate visitDate,
    String visitors, String contactMethod, String learned, String conveyed, String interests,
    int monthsUntilNext, String filedBy, LocalDateTime filedAt) {
}
