package edu.alumni.engine.alumni;

import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftSummary;
import edu.alumni.engine.segment.SegmentQueryService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code GET /api/alumni/{studentNo}}: the record, its giving, its current segments with the rule and facts that
 * put it there, its visits.
 */
public record AlumnusDetail(Alumnus alumnus, String collegeName, String chapterName, GiftSummary giving,
    List<Gift> recentGifts, List<SegmentQueryService.AlumnusSegment> segments, Visits visits, LocalDateTime createdAt, LocalDateTime updatedAt) {

  public record Visits(LocalDate lastVisitDate) {
  }
}
