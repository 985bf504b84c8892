package edu.alumni.engine.alumni;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What the registry knows of an alumnus beyond the imported fields. */
public record AlumnusFacts(LocalDate lastVisitDate, LocalDateTime createdAt, LocalDateTime updatedAt) {
}
