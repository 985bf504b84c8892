package edu.alumni.engine.alumni;

/** A row of the alumni list: enough to recognise the person, no contact data. */
public record AlumnusListItem(String studentNo, String name, String collegeCode, String degree, int graduationYear,
    String city, String chapterCode) {
}
