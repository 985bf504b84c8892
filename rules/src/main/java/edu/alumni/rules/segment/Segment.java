package edu.alumni.rules.segment;

import java.util.List;

/** The segment catalogue v1 of SEGMENTS.md: codes and their definitions in words. */
public enum Segment {
  DO_NOT_CONTACT("consent_contact is false"),
  LOST("consent_contact is true and neither e-mail nor phone is known"),
  REUNION_MILESTONE("contactable and graduated 10, 20, 30, 40, 50 or 60 years before the year of D"),
  YOUNG_ALUMNI("contactable and graduated 0 to 5 years before the year of D"),
  DONOR("at least one gift dated on or before D"),
  LYBUNT("fundraisable, a gift last year (Y-1) and none this year (Y)"),
  SYBUNT("fundraisable, a gift in some year before Y-1, none in Y-1 and none in Y"),
  MAJOR_GIFT_PROSPECT("fundraisable and lifetime giving >= 100,000 CNY, or a single gift >= 50,000 CNY in the last "
      + "5 years, or an executive with lifetime giving >= 10,000 CNY"),
  DISTINGUISHED("honours recorded"),
  ENTERPRISE_PARTNER("contactable executive with an employer"),
  VISIT_DUE("contactable major gift prospect, distinguished alumnus or enterprise partner not visited in the last "
      + "365 days");

  private final String definition;

  Segment(String definition) {
    this.definition = definition;
  }

  public String definition() {
    return definition;
  }

  public static List<String> codes() {
    return java.util.Arrays.stream(values()).map(Enum::name).toList();
  }
}
