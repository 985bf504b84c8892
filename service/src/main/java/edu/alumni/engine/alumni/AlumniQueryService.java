package edu.alumni.engine.alumni;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.catalogue.Chapter;
import edu.alumni.engine.csv.Values;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.system.BadRequestException;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.engine.segment.SegmentQueryService;
import edu.alumni.engine.system.PageOf;
import edu.alumni.rules.segment.Segment;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AlumniQueryService {

  static final int MAX_PAGE_SIZE = 200;
  static final int RECENT_GIFTS = 20;

  private final AlumnusMapper alumni;
  private final GiftMapper gifts;
  private final Catalogue catalogue;
  private final SegmentQueryService segments;

  public AlumniQueryService(AlumnusMapper alumni, GiftMapper gifts, Catalogue catalogue,
      SegmentQueryService segments) {
    this.alumni = alumni;
    this.gifts = gifts;
    this.catalogue = catalogue;
    this.segments = segments;
  }

  @Transactional(readOnly = true)
  public AlumnusDetail findDetail(String requested) {
    String studentNo = Values.key(requested);
    Alumnus alumnus = alumni.selectByStudentNo(studentNo);
    if (alumnus == null) {
      throw new NotFoundException("No alumnus with student number " + studentNo + " is in the registry.");
    }
    AlumnusFacts facts = alumni.selectFactsByStudentNo(studentNo);
    Chapter chapter = alumnus.chapterCode() == null ? null : catalogue.chapters().get(alumnus.chapterCode());
    return new AlumnusDetail(alumnus, catalogue.colleges().get(alumnus.collegeCode()).name(),
        chapter == null ? null : chapter.name(), gifts.selectSummaryByStudentNo(studentNo),
        gifts.selectRecentByStudentNo(studentNo, RECENT_GIFTS), segments.segmentsOf(studentNo),
        new AlumnusDetail.Visits(facts.lastVisitDate()),
        facts.createdAt(), facts.updatedAt());
  }

  @Transactional(readOnly = true)
  public PageOf<AlumnusListItem> list(AlumniFilter filter, int page, int size) {
    return list(filter, null, page, size);
  }

  /** The list, limited to the current members of {@code segment} when it is given. */
  @Transactional(readOnly = true)
  public PageOf<AlumnusListItem> list(AlumniFilter filter, String segment, int page, int size) {
    if (page < 0) {
      throw new BadRequestException("page must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
    }
    if (filter.college() != null && !catalogue.colleges().containsKey(filter.college())) {
      throw new BadRequestException("unknown college '" + filter.college() + "'; use one of "
          + String.join(", ", catalogue.colleges().keySet()));
    }
    if (segment != null) {
      Segment code;
      try {
        code = Segment.valueOf(segment.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("unknown segment '" + segment + "'; use one of " + Segment.codes());
      }
      Long run = segments.currentRunId();
      if (run == null) {
        return PageOf.of(List.of(), page, size, 0);
      }
      filter = filter.inSegment(code.name(), run);
    }
    long total = alumni.countMatching(filter);
    return PageOf.of(alumni.selectPage(filter, (long) page * size, size), page, size, total);
  }
}
