package edu.alumni.engine.system;

import edu.alumni.engine.csv.CsvFormatException;
import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.csv.ImportRejectedException;
import edu.alumni.engine.csv.ImportReport;
import edu.alumni.engine.gift.GiftConflictException;
import edu.alumni.engine.process.NothingToMigrateException;
import edu.alumni.engine.reunion.RsvpClosedException;
import edu.alumni.engine.segment.RunInProgressException;
import edu.alumni.rules.RuleSetException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of {@code /api} as {@code application/problem+json} (RFC 9457) with a detail a person can act on. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  static final String TYPE_BASE = "https://alumni-engagement.example/problems/";

  @ExceptionHandler(CsvFormatException.class)
  ProblemDetail malformedCsv(CsvFormatException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-csv", "Malformed CSV",
        "Line " + e.line() + ": " + e.getMessage() + ". Nothing was imported.");
    p.setProperty("errors", List.of(new ImportError(e.line(), null, e.getMessage())));
    return p;
  }

  @ExceptionHandler(ImportRejectedException.class)
  ProblemDetail importRejected(ImportRejectedException e) {
    ImportReport r = e.report();
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "Import rejected",
        e.getMessage());
    p.setProperty("rejected", r.rejected());
    p.setProperty("errorCount", r.errorCount());
    p.setProperty("errors", r.errors());
    return p;
  }

  @ExceptionHandler(RunInProgressException.class)
  ProblemDetail runInProgress(RunInProgressException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "run-in-progress", "A run is going on", e.getMessage());
    p.setProperty("runningRunId", e.runningId());
    return p;
  }

  @ExceptionHandler(RuleSetException.class)
  ProblemDetail rulesRefused(RuleSetException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rules-refused", "Rules refused",
        e.getMessage() + " The active rules are unchanged.");
    p.setProperty("errors", e.messages().stream().map(m -> {
      java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
      error.put("file", m.file());
      if (m.line() > 0) {
        error.put("line", m.line());
        error.put("column", m.column());
      }
      error.put("message", m.text());
      return error;
    }).toList());
    return p;
  }

  @ExceptionHandler(GiftConflictException.class)
  ProblemDetail giftConflict(GiftConflictException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "gift-conflict", "Gift already recorded", e.getMessage());
    p.setProperty("giftRef", e.stored().giftRef());
    return p;
  }

  @ExceptionHandler(RsvpClosedException.class)
  ProblemDetail rsvpClosed(RsvpClosedException e) {
    return problem(HttpStatus.CONFLICT, "rsvp-closed", "RSVPs closed", e.getMessage());
  }

  @ExceptionHandler(NothingToMigrateException.class)
  ProblemDetail nothingToMigrate(NothingToMigrateException e) {
    return problem(HttpStatus.CONFLICT, "nothing-to-migrate", "Nothing to migrate", e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error answering a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "The service failed to answer (" + e.getClass().getSimpleName() + "). Nothing was changed; the error is in "
            + "the service log.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail p = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
        "Content-Type " + (ex.getContentType() == null ? "(none)" : "'" + ex.getContentType() + "'")
            + " is not accepted here; send " + ex.getSupportedMediaTypes() + ".");
    return handleExceptionInternal(ex, p, headers, status, request);
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + type));
    p.setTitle(title);
    return p;
  }
}
