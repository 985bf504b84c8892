package edu.alumni.engine.gift;

import edu.alumni.engine.csv.ImportReport;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/gifts")
class GiftController {

  private final GiftImportService imports;
  private final GiftRecordingService recording;

  GiftController(GiftImportService imports, GiftRecordingService recording) {
    this.imports = imports;
    this.recording = recording;
  }

  /** 201 and a new stewardship instance; the same gift again → 200, nothing new; other values → 409. */
  @PostMapping(consumes = "application/json")
  ResponseEntity<RecordedGift> recordGift(@RequestBody(required = false) GiftRequest request, Principal who) {
    RecordedGift recorded = recording.record(request, who.getName());
    if (recorded.created()) {
      return ResponseEntity.created(URI.create("/api/alumni/" + recorded.gift().studentNo())).body(recorded);
    }
    return ResponseEntity.ok(recorded);
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  ImportReport importGifts(InputStream body, @RequestParam(defaultValue = "false") boolean partial) {
    return imports.importCsv(body, partial);
  }
}
