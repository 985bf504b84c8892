package edu.alumni.engine.segment;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SegmentationController {

  private final SegmentationService runs;
  private final SegmentQueryService queries;
  private final Clock clock;

  SegmentationController(SegmentationService runs, SegmentQueryService queries, Clock clock) {
    this.runs = runs;
    this.queries = queries;
    this.clock = clock;
  }

  /** Body {@code {asOf?}}; D defaults to today. */
  record StartRun(LocalDate asOf) {
  }

  @PostMapping("/api/segmentation/runs")
  ResponseEntity<SegmentQueryService.RunReport> startRun(@RequestBody(required = false) StartRun body,
      Principal user) {
    LocalDate asOf = body == null || body.asOf() == null ? LocalDate.now(clock) : body.asOf();
    SegmentationRun run = runs.start(asOf, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/segmentation/runs/" + run.id()))
        .body(queries.report(run.id()));
  }

  @GetMapping("/api/segmentation/runs/{id}")
  SegmentQueryService.RunReport getRun(@PathVariable long id) {
    return queries.report(id);
  }

  @GetMapping("/api/segmentation/runs")
  List<SegmentQueryService.RunReport> listRuns(@RequestParam(defaultValue = "20") int limit) {
    return queries.recentRuns(Math.max(1, Math.min(limit, 200)));
  }

  @GetMapping("/api/segments")
  List<SegmentQueryService.SegmentSummary> listSegments() {
    return queries.catalogue();
  }

  @GetMapping("/api/segments/{code}/members")
  edu.alumni.engine.system.PageOf<SegmentMember> listMembers(@PathVariable String code,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return queries.members(code, page, size);
  }
}
