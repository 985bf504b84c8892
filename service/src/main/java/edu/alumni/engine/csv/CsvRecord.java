package edu.alumni.engine.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param index  0 for the header, then 1, 2, ... for the data records
 * @param line   the physical line the record starts on (a quoted field may span lines)
 * @param fields the raw field values, unquoted, not trimmed
 */
public record CsvRecord(long index, long line, List<String> fields) {
}
