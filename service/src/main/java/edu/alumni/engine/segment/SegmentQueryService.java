package edu.alumni.engine.segment;

import edu.alumni.engine.system.BadRequestException;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.engine.system.PageOf;
import edu.alumni.rules.segment.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads the current run's memberships and any run's report. */
@Service
public class SegmentQueryService {

  static final int MAX_PAGE_SIZE = 200;

  private final SegmentationMapper mapper;

  public SegmentQueryService(SegmentationMapper mapper) {
    this.mapper = mapper;
  }

  /** The run whose memberships are current, or null before the first completed run. */
  public Long currentRunId() {
    return mapper.selectCurrentRunId();
  }

  public RunReport report(long id) {
    SegmentationRun run = mapper.selectRun(id);
    if (run == null) {
      throw new NotFoundException("There is no segmentation run " + id + ".");
    }
    return report(run);
  }

  public List<RunReport> recentRuns(int limit) {
    return mapper.selectRuns(limit).stream().map(this::report).toList();
  }

  private RunReport report(SegmentationRun run) {
    Map<String, Long> segments = new LinkedHashMap<>();
    mapper.selectCounts(run.id()).forEach(c -> segments.put(c.segmentCode(), c.memberCount()));
    Map<String, Integer> started = new LinkedHashMap<>();
    mapper.selectStarted(run.id()).forEach(s -> started.put(s.processKey(), s.startedCount()));
    Long current = mapper.selectCurrentRunId();
    return new RunReport(run.id(), run.asOf(), run.status(), run.rulesetVersion(), run.startedBy(),
        run.startedAt(), run.finishedAt(), run.alumniEvaluated(), run.durationMs(),
        run.status().equals(SegmentationRun.RUNNING) ? null : segments,
        run.status().equals(SegmentationRun.RUNNING) ? null : started, run.errorText(),
        current != null && current == run.id());
  }

  /** The catalogue with the current run's counts. */
  public List<SegmentSummary> catalogue() {
    Long current = mapper.selectCurrentRunId();
    Map<String, Long> counts = new LinkedHashMap<>();
    if (current != null) {
      mapper.selectCounts(current).forEach(c -> counts.put(c.segmentCode(), c.memberCount()));
    }
    List<SegmentSummary> summaries = new ArrayList<>();
    for (Segment s : Segment.values()) {
      summaries.add(new SegmentSummary(s.name(), s.definition(), current == null ? null : counts.getOrDefault(
          s.name(), 0L), current));
    }
    return summaries;
  }

  public PageOf<SegmentMember> members(String code, int page, int size) {
    Segment segment = segment(code);
    if (page < 0) {
      throw new BadRequestException("page must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
    }
    Long current = mapper.selectCurrentRunId();
    if (current == null) {
      return PageOf.of(List.of(), page, size, 0);
    }
    long total = mapper.selectCounts(current).stream().filter(c -> c.segmentCode().equals(segment.name()))
        .mapToLong(SegmentCount::memberCount).sum();
    return PageOf.of(mapper.selectMembersPage(current, segment.name(), (long) page * size, size), page, size, total);
  }

  /** An alumnus' memberships in the current run, with explanations. */
  public List<AlumnusSegment> segmentsOf(String studentNo) {
    Long current = mapper.selectCurrentRunId();
    if (current == null) {
      return List.of();
    }
    SegmentationRun run = mapper.selectRun(current);
    return mapper.selectMembershipsOfStudent(current, studentNo, Segment.codes()).stream()
        .map(m -> new AlumnusSegment(m.segmentCode(), m.ruleName(), m.facts(), run.id(), run.asOf(),
            run.rulesetVersion()))
        .toList();
  }

  /** A segment code of the catalogue (any case), or a 404 naming the valid ones. */
  public static Segment segment(String code) {
    try {
      return Segment.valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("There is no segment '" + code + "'; the segments are " + Segment.codes() + ".");
    }
  }

  public record SegmentSummary(String code, String definition, Long currentCount, Long currentRunId) {
  }

  public record AlumnusSegment(String code, String rule, String facts, long runId, java.time.LocalDate asOf,
      String rulesetVersion) {
  }

  public record RunReport(long id, java.time.LocalDate asOf, String status, String rulesetVersion, String startedBy,
      java.time.LocalDateTime startedAt, java.time.LocalDateTime finishedAt, long alumniEvaluated, Long durationMs,
      Map<String, Long> segments, Map<String, Integer> started, String error, boolean current) {
  }
}
