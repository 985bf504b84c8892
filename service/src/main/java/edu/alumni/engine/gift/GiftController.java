package edu.alumni.engine.gift;

import edu.alumni.engine.csv.ImportReport;
import java.io.InputStream;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/gifts")
class GiftController {

  private final GiftImportService imports;

  GiftController(GiftImportService imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  ImportReport importGifts(InputStream body, @RequestParam(defaultValue = "false") boolean partial) {
    return imports.importCsv(body, partial);
  }
}
