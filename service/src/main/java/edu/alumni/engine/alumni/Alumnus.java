package edu.alumni.engine.alumni;

/**
 * An alumnus as the registry keeps it: the fields of DATA.md's alumni.csv (normalised: codes in their catalogue
 * case, phone without spaces and dashes) and the chapter the city maps to.
 */
public record Alumnus(
    String studentNo,
    String name,
    String gender,
    String collegeCode,
    String major,
    String degree,
    Integer enrollmentYear,
    int graduationYear,
    String className,
    String city,
    String chapterCode,
    String country,
    String employer,
    String industry,
    String jobTitle,
    String email,
    String phone,
    String honors,
    boolean consentContact,
    boolean consentFundraising,
    boolean deceased) {
}
