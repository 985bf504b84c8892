package edu.alumni.engine.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to an import. {@code updated}/{@code unchanged} belong to alumni imports, {@code duplicates} to gift
 * imports; {@code errors} lists at most the configured number of errors, {@code errorCount} counts them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(int imported, Integer updated, Integer unchanged, Integer duplicates, int rejected,
    int errorCount, List<ImportError> errors) {
}
