package edu.alumni.engine.bench;

import edu.alumni.rules.segment.AlumnusFacts;
import edu.alumni.rules.segment.Membership;
import edu.alumni.rules.segment.SegmentClassifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * SEGMENTS.md written by hand in Java: the segmentation benchmark's floor (what a run costs without a rule engine)
 * and, in {@code JavaSegmentClassifierTests}, a second reading of the contract that the DRL must agree with. Not
 * used by the service.
 */
public final class JavaSegmentClassifier implements SegmentClassifier {

  private static final String[] EXECUTIVE_WORDS = {"ceo", "cfo", "cto", "president", "chairman", "founder",
      "partner", "总裁", "总经理", "董事长", "创始人", "合伙人"};
  private static final BigDecimal MAJOR_LIFETIME = new BigDecimal("100000");
  private static final BigDecimal MAJOR_SINGLE = new BigDecimal("50000");
  private static final BigDecimal EXECUTIVE_LIFETIME = new BigDecimal("10000");

  @Override
  public String version() {
    return "java-classifier";
  }

  @Override
  public List<Membership> evaluate(Collection<AlumnusFacts> alumni) {
    List<Membership> out = new ArrayList<>(alumni.size() * 2);
    for (AlumnusFacts a : alumni) {
      if (a.isDeceased()) {
        continue;
      }
      int y = a.getAsOfYear();
      int yearsOut = y - a.getGraduationYear();
      boolean contactable = a.isConsentContact() && (a.isEmailGiven() || a.isPhoneGiven());
      boolean fundraisable = contactable && a.isConsentFundraising();
      boolean executive = executive(a.getJobTitle());
      if (!a.isConsentContact()) {
        add(out, a, "DO_NOT_CONTACT", "consent_contact=false");
      }
      if (a.isConsentContact() && !a.isEmailGiven() && !a.isPhoneGiven()) {
        add(out, a, "LOST", "no email, no phone");
      }
      if (contactable && yearsOut >= 10 && yearsOut <= 60 && yearsOut % 10 == 0) {
        add(out, a, "REUNION_MILESTONE", "yearsOut=" + yearsOut);
      }
      if (contactable && yearsOut >= 0 && yearsOut <= 5) {
        add(out, a, "YOUNG_ALUMNI", "yearsOut=" + yearsOut);
      }
      if (!a.getGiftYears().isEmpty()) {
        add(out, a, "DONOR", "gifts");
      }
      boolean inY = a.getGiftYears().contains(y);
      boolean inY1 = a.getGiftYears().contains(y - 1);
      boolean before = a.getGiftYears().stream().anyMatch(g -> g < y - 1);
      if (fundraisable && inY1 && !inY) {
        add(out, a, "LYBUNT", "gift in Y-1");
      }
      if (fundraisable && before && !inY1 && !inY) {
        add(out, a, "SYBUNT", "gift before Y-1");
      }
      boolean major = fundraisable && (a.getLifetimeGiving().compareTo(MAJOR_LIFETIME) >= 0
          || (a.getMaxGiftLast5Years() != null && a.getMaxGiftLast5Years().compareTo(MAJOR_SINGLE) >= 0)
          || (executive && a.getLifetimeGiving().compareTo(EXECUTIVE_LIFETIME) >= 0));
      if (major) {
        add(out, a, "MAJOR_GIFT_PROSPECT", "capacity");
      }
      boolean distinguished = a.getHonors() != null && !a.getHonors().isBlank();
      if (distinguished) {
        add(out, a, "DISTINGUISHED", "honors=given");
      }
      boolean partner = contactable && executive && a.getEmployer() != null && !a.getEmployer().isBlank();
      if (partner) {
        add(out, a, "ENTERPRISE_PARTNER", "executive with employer");
      }
      boolean visitedLastYear = a.getLastVisitDate() != null
          && a.getLastVisitDate().isAfter(a.getAsOf().minusDays(365));
      if (contactable && (major || distinguished || partner) && !visitedLastYear) {
        add(out, a, "VISIT_DUE", "due");
      }
    }
    return out;
  }

  private static boolean executive(String jobTitle) {
    if (jobTitle == null) {
      return false;
    }
    String t = jobTitle.toLowerCase(Locale.ROOT);
    for (String w : EXECUTIVE_WORDS) {
      if (t.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Membership> out, AlumnusFacts a, String segment, String facts) {
    out.add(new Membership(a.getStudentNo(), segment, "java: " + segment, facts));
  }
}
