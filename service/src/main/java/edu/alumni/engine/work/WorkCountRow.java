package edu.alumni.engine.work;

/** Open and overdue tasks of one owner group (null: no candidate group) in one process. */
public record WorkCountRow(String ownerGroup, String processKey, long openCount, long overdueCount) {
}
