package edu.alumni.engine.system;

import java.util.List;

/** One page of a list answer. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

  public static <T> PageOf<T> of(List<T> content, int page, int size, long total) {
    return new PageOf<>(content, page, size, total, size == 0 ? 0 : (total + size - 1) / size);
  }
}
