package edu.alumni.engine.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a CSV import in two passes over a spooled copy of the upload, so the file never has to fit in memory:
 * pass 1 validates every row (and the header, and the file's well-formedness), pass 2 writes the valid rows in
 * batches inside one transaction. All-or-nothing unless {@code partial}; a malformed file writes nothing either way.
 * Imports run one at a time, so the checks of pass 1 still hold in pass 2.
 */
@Component
public class CsvImporter {

  private final TransactionTemplate transaction;
  private final int batchSize;
  private final int maxListedErrors;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  public CsvImporter(TransactionTemplate transaction,
      @Value("${alumni.import.batch-size:1000}") int batchSize,
      @Value("${alumni.import.max-listed-errors:10000}") int maxListedErrors) {
    this.transaction = transaction;
    this.batchSize = batchSize;
    this.maxListedErrors = maxListedErrors;
  }

  public <R> ImportReport run(InputStream body, boolean partial, Supplier<? extends CsvImportFormat<R>> formats,
      boolean reportUpdates) {
    Path spool = spool(body);
    oneAtATime.lock();
    try {
      CsvImportFormat<R> format = formats.get();
      ImportCounts counts = new ImportCounts();
      List<ImportError> errors = new ArrayList<>();
      BitSet notWritten = new BitSet();
      int errorCount = validate(spool, format, counts, errors, notWritten);
      format.validated();
      if (errorCount > 0 && !partial) {
        throw new ImportRejectedException(report(counts, errors, errorCount, reportUpdates));
      }
      transaction.executeWithoutResult(status -> write(spool, format, notWritten, counts));
      return report(counts, errors, errorCount, reportUpdates);
    } finally {
      oneAtATime.unlock();
      try {
        Files.deleteIfExists(spool);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  private ImportReport report(ImportCounts c, List<ImportError> errors, int errorCount, boolean reportUpdates) {
    return new ImportReport(c.imported, reportUpdates ? c.updated : null, reportUpdates ? c.unchanged : null,
        reportUpdates ? null : c.duplicates, c.rejected, errorCount, List.copyOf(errors));
  }

  private static Path spool(InputStream body) {
    try {
      Path file = Files.createTempFile("alumni-import-", ".csv");
      long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      if (size == 0) {
        Files.deleteIfExists(file);
        throw new CsvFormatException(1, "the file is empty; send a CSV file with a header row and at least one row");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the upload for validation", e);
    }
  }

  private <R> int validate(Path spool, CsvImportFormat<R> format, ImportCounts counts, List<ImportError> errors,
      BitSet notWritten) {
    int errorCount = 0;
    try (CsvReader reader = CsvReader.utf8(Files.newInputStream(spool))) {
      CsvHeader header = header(reader, format);
      List<CsvImportFormat.Parsed<R>> chunk = new ArrayList<>(batchSize);
      boolean any = false;
      for (CsvRecord record = reader.next(); ; record = reader.next()) {
        if (record != null) {
          any = true;
          CsvRow row = header.row(record);
          R value = format.parse(row);
          chunk.add(new CsvImportFormat.Parsed<>(row, value));
        }
        if (chunk.size() == batchSize || (record == null && !chunk.isEmpty())) {
          format.check(chunk);
          for (CsvImportFormat.Parsed<R> p : chunk) {
            CsvRow row = p.row();
            if (row.hasErrors()) {
              counts.rejected++;
              notWritten.set((int) row.index());
              for (ImportError e : row.errors()) {
                errorCount++;
                if (errors.size() < maxListedErrors) {
                  errors.add(e);
                }
              }
            } else if (p.skipped()) {
              counts.duplicates++;
              notWritten.set((int) row.index());
            }
          }
          chunk.clear();
        }
        if (record == null) {
          break;
        }
      }
      if (!any) {
        throw new CsvFormatException(1, "the file has a header but no rows");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errorCount;
  }

  private <R> CsvHeader header(CsvReader reader, CsvImportFormat<R> format) {
    CsvRecord first = reader.next();
    if (first == null) {
      throw new CsvFormatException(1, "the file is empty; send a CSV file with a header row and at least one row");
    }
    List<ImportError> headerErrors = new ArrayList<>();
    CsvHeader header = CsvHeader.read(first, format.columns(), format.requiredColumns(), headerErrors);
    if (!headerErrors.isEmpty()) {
      throw new ImportRejectedException(new ImportReport(0, null, null, null, 0, headerErrors.size(), headerErrors),
          "The header row does not match the format; nothing was imported. Expected columns: "
              + String.join(", ", format.columns()) + " (required: "
              + String.join(", ", format.columns().stream().filter(format.requiredColumns()::contains).toList())
              + ").");
    }
    return header;
  }

  private <R> void write(Path spool, CsvImportFormat<R> format, BitSet notWritten, ImportCounts counts) {
    try (CsvReader reader = CsvReader.utf8(Files.newInputStream(spool))) {
      CsvHeader header = header(reader, format);
      List<R> chunk = new ArrayList<>(batchSize);
      for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
        if (notWritten.get((int) record.index())) {
          continue;
        }
        CsvRow row = header.row(record);
        R value = format.parse(row);
        if (value == null) {
          throw new IllegalStateException("line " + record.line() + " validated, then failed: " + row.errors());
        }
        chunk.add(value);
        if (chunk.size() == batchSize) {
          format.write(chunk, counts);
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        format.write(chunk, counts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
