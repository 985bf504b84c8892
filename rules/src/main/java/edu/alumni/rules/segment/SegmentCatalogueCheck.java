package edu.alumni.rules.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a segment rule set still produces every code of the catalogue and nothing else, by firing it over a
 * small set of alumni who, by SEGMENTS.md, must between them fall into every segment, and still answers the query
 * the donation stewardship process asks of it. A rule set a manager uploads is refused when this finds a problem.
 */
public final class SegmentCatalogueCheck {

  private SegmentCatalogueCheck() {
  }

  /** The problems found, in words; empty when the rule set covers the catalogue exactly. */
  public static List<String> problems(SegmentEvaluator evaluator) {
    List<AlumnusFacts> probe = probe(LocalDate.of(2026, 6, 15));
    List<Membership> memberships = evaluator.evaluate(probe);
    Set<String> produced = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (Membership m : memberships) {
      produced.add(m.getSegment());
      if (!Segment.codes().contains(m.getSegment())) {
        unknown.add(m.getSegment());
      }
    }
    List<String> problems = new ArrayList<>();
    EnumSet<Segment> missing = EnumSet.allOf(Segment.class);
    missing.removeIf(s -> produced.contains(s.name()));
    if (!missing.isEmpty()) {
      problems.add("the rules no longer produce these segment codes of the catalogue: " + missing);
    }
    if (!unknown.isEmpty()) {
      problems.add("the rules produce codes that are not in the catalogue: " + unknown);
    }
    try {
      evaluator.isFundraisable(probe.get(0));
    } catch (RuntimeException e) {
      problems.add("the query " + SegmentEvaluator.FUNDRAISABLE_QUERY + "(), which the renewal ask of "
          + "donationStewardship uses, is missing or fails (" + e.getMessage() + ")");
    }
    return problems;
  }

  /** Alumni who between them belong to every segment of catalogue v1. */
  static List<AlumnusFacts> probe(LocalDate d) {
    int y = d.getYear();
    BigDecimal none = BigDecimal.ZERO;
    return List.of(
        // DO_NOT_CONTACT
        facts(d, "P-NOCONSENT", y - 7, false, false, true, false, null, null, null, none, Set.of(), null),
        // LOST
        facts(d, "P-LOST", y - 7, true, false, false, false, null, null, null, none, Set.of(), null),
        // REUNION_MILESTONE
        facts(d, "P-REUNION", y - 20, true, false, true, false, null, null, null, none, Set.of(), null),
        // YOUNG_ALUMNI
        facts(d, "P-YOUNG", y - 2, true, false, true, false, null, null, null, none, Set.of(), null),
        // DONOR, LYBUNT
        facts(d, "P-LYBUNT", y - 7, true, true, true, false, null, null, null, new BigDecimal("500"),
            Set.of(y - 1), new BigDecimal("500")),
        // SYBUNT
        facts(d, "P-SYBUNT", y - 7, true, true, true, false, null, null, null, new BigDecimal("500"),
            Set.of(y - 3), new BigDecimal("500")),
        // MAJOR_GIFT_PROSPECT, VISIT_DUE
        facts(d, "P-MAJOR", y - 7, true, true, true, false, null, null, null, new BigDecimal("200000"),
            Set.of(y - 2), new BigDecimal("200000")),
        // DISTINGUISHED
        facts(d, "P-HONOURS", y - 7, true, false, true, false, null, null, "杰出校友", none, Set.of(), null),
        // ENTERPRISE_PARTNER
        facts(d, "P-PARTNER", y - 7, true, false, true, false, "CEO", "ACME", null, none, Set.of(), null));
  }

  private static AlumnusFacts facts(LocalDate d, String studentNo, int graduationYear, boolean consentContact,
      boolean consentFundraising, boolean email, boolean deceased, String jobTitle, String employer, String honors,
      BigDecimal lifetimeGiving, Set<Integer> giftYears, BigDecimal maxGiftLast5Years) {
    return new AlumnusFacts(d, studentNo, "cs", graduationYear, null, consentContact, consentFundraising, deceased,
        email, false, jobTitle, employer, honors, lifetimeGiving, giftYears, maxGiftLast5Years, null);
  }
}
