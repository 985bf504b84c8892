package edu.alumni.engine.csv;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One problem in an imported file: where (physical line, column when one column is at fault) and what to do. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(Long line, String column, String message) {
}
