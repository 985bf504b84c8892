package edu.alumni.engine.alumni;

import edu.alumni.engine.csv.ImportReport;
import java.io.IOException;
import java.io.InputStream;
import edu.alumni.engine.system.PageOf;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alumni")
class AlumniController {

  private final AlumniImportService imports;
  private final AlumniQueryService queries;

  AlumniController(AlumniImportService imports, AlumniQueryService queries) {
    this.imports = imports;
    this.queries = queries;
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  ImportReport importAlumni(InputStream body, @RequestParam(defaultValue = "false") boolean partial)
      throws IOException {
    return imports.importCsv(body, partial);
  }

  @GetMapping("/{studentNo}")
  AlumnusDetail getAlumnus(@PathVariable String studentNo) {
    return queries.findDetail(studentNo);
  }

  @GetMapping
  PageOf<AlumnusListItem> listAlumni(@RequestParam(required = false) String college,
      @RequestParam(required = false) Integer graduationYear,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String segment,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return queries.list(new AlumniFilter(blankToNull(college), graduationYear, blankToNull(q)), blankToNull(segment),
        page, size);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
