package edu.alumni.engine.work;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers' overview of the open work (the default /api rule: managers and administrators). */
@RestController
class WorkOverviewController {

  private final WorkOverviewService overview;

  WorkOverviewController(WorkOverviewService overview) {
    this.overview = overview;
  }

  @GetMapping("/api/work/overview")
  WorkOverview overview(@RequestParam(required = false) String group,
      @RequestParam(required = false) String processKey,
      @RequestParam(defaultValue = "false") boolean overdueOnly,
      @RequestParam(defaultValue = "200") int limit) {
    return overview.overview(group, processKey, overdueOnly, limit);
  }
}
