package edu.alumni.engine.segment;

import java.time.LocalDate;

/** The registry fields the segment rules read, one alumnus. */
public record AlumnusFactsRow(String studentNo, String collegeCode, int graduationYear, String chapterCode,
    boolean consentContact, boolean consentFundraising, boolean deceased, boolean emailGiven, boolean phoneGiven,
    String jobTitle, String employer, String honors, LocalDate lastVisitDate) {
}
