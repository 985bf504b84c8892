package edu.alumni.rules.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Builds AlumnusFacts for rule tests: by default a living, contactable (e-mail), fundraisable alumnus, class of 2000. */
final class Alumni {

  private String studentNo = "S0001";
  private int graduationYear = 2000;
  private boolean consentContact = true;
  private boolean consentFundraising = true;
  private boolean deceased;
  private boolean email = true;
  private boolean phone;
  private String jobTitle;
  private String employer;
  private String honors;
  private BigDecimal lifetimeGiving = BigDecimal.ZERO;
  private Set<Integer> giftYears = Set.of();
  private BigDecimal maxGiftLast5Years;
  private LocalDate lastVisitDate;

  static Alumni alumnus() {
    return new Alumni();
  }

  Alumni studentNo(String v) {
    studentNo = v;
    return this;
  }

  Alumni graduated(int year) {
    graduationYear = year;
    return this;
  }

  Alumni consentContact(boolean v) {
    consentContact = v;
    return this;
  }

  Alumni consentFundraising(boolean v) {
    consentFundraising = v;
    return this;
  }

  Alumni deceased() {
    deceased = true;
    return this;
  }

  Alumni channels(boolean email, boolean phone) {
    this.email = email;
    this.phone = phone;
    return this;
  }

  Alumni jobTitle(String v) {
    jobTitle = v;
    return this;
  }

  Alumni employer(String v) {
    employer = v;
    return this;
  }

  Alumni honors(String v) {
    honors = v;
    return this;
  }

  Alumni lifetimeGiving(String v) {
    lifetimeGiving = new BigDecimal(v);
    return this;
  }

  Alumni giftYears(Integer... years) {
    giftYears = Set.of(years);
    return this;
  }

  Alumni maxGiftLast5Years(String v) {
    maxGiftLast5Years = new BigDecimal(v);
    return this;
  }

  Alumni lastVisit(LocalDate v) {
    lastVisitDate = v;
    return this;
  }

  AlumnusFacts build() {
    return new AlumnusFacts(SegmentRulesTests.D, studentNo, "cs", graduationYear, null, consentContact, consentFundraising, deceased,
        email, phone, jobTitle, employer, honors, lifetimeGiving, giftYears, maxGiftLast5Years, lastVisitDate);
  }
}
