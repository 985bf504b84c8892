package edu.alumni.engine.alumni;

import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code GET /api/alumni/{studentNo}}: the record, its giving, its visits. Segment memberships join this answer
 * once segmentation runs exist.
 */
public record AlumnusDetail(Alumnus alumnus, String collegeName, String chapterName, GiftSummary giving,
    List<Gift> recentGifts, Visits visits, LocalDateTime createdAt, LocalDateTime updatedAt) {

  public record Visits(LocalDate lastVisitDate) {
  }
}
