package edu.alumni.engine.audit;

import edu.alumni.engine.csv.Values;
import edu.alumni.engine.system.BadRequestException;
import edu.alumni.engine.system.PageOf;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's history (API.md, issue #5): read only. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final ProcessHistory instances;
  private final TimelineService timelines;
  private final AlumnusAuditService alumni;

  AuditController(ProcessHistory instances, TimelineService timelines, AlumnusAuditService alumni) {
    this.instances = instances;
    this.timelines = timelines;
    this.alumni = alumni;
  }

  @GetMapping("/process-instances")
  PageOf<AuditedInstance> listInstances(@RequestParam(required = false) String processKey,
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) String startedAfter,
      @RequestParam(required = false) String startedBefore,
      @RequestParam(required = false) String studentNo,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    String student = blankToNull(studentNo);
    return instances.list(new InstanceFilter(blankToNull(processKey), blankToNull(businessKey),
        time("startedAfter", startedAfter), time("startedBefore", startedBefore),
        student == null ? null : Values.key(student)), page, size);
  }

  @GetMapping("/process-instances/{id}/timeline")
  Timeline timeline(@PathVariable String id) {
    return timelines.timeline(id);
  }

  /** No {@code produces}: a 404 must still be able to answer as problem+json. */
  @GetMapping("/process-instances/{id}/timeline.csv")
  ResponseEntity<byte[]> timelineCsv(@PathVariable String id) {
    Timeline timeline = timelines.timeline(id);
    String file = "timeline-" + timeline.instance().processKey() + "-" + timeline.instance().id() + ".csv";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(TimelineCsv.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(TimelineCsv.write(timeline));
  }

  @GetMapping("/alumni/{studentNo}")
  AlumnusAudit alumnus(@PathVariable String studentNo) {
    return alumni.audit(studentNo);
  }

  private Instant time(String parameter, String value) {
    try {
      return AuditTimes.parse(value, instances.zone());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(parameter + ": " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
