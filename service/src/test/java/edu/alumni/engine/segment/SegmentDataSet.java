package edu.alumni.engine.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small registry whose segments as of {@link #D} are known by hand: every segment of SEGMENTS.md and each
 * boundary that depends on how the derived facts of DATA.md are computed in SQL (gift years, gifts after D,
 * lifetime giving summed over gifts, the five-year window of the largest gift), plus the helper terms' boundaries.
 * {@link #expected(LocalDate)} is an independent reading of SEGMENTS.md in plain Java, checked against the hand
 * expectations for D and used for other dates.
 */
public final class SegmentDataSet {

  /** The as-of date of the hand expectations; Y = 2025, D - 5 years = 2020-06-15, D - 365 days = 2024-06-15. */
  public static final LocalDate D = LocalDate.of(2025, 6, 15);

  public static final String DNC = "DO_NOT_CONTACT";
  public static final String LOST = "LOST";
  public static final String REUNION = "REUNION_MILESTONE";
  public static final String YOUNG = "YOUNG_ALUMNI";
  public static final String DONOR = "DONOR";
  public static final String LYBUNT = "LYBUNT";
  public static final String SYBUNT = "SYBUNT";
  public static final String MAJOR = "MAJOR_GIFT_PROSPECT";
  public static final String DISTINGUISHED = "DISTINGUISHED";
  public static final String PARTNER = "ENTERPRISE_PARTNER";
  public static final String VISIT = "VISIT_DUE";

  public static final List<String> CODES = List.of(DNC, LOST, REUNION, YOUNG, DONOR, LYBUNT, SYBUNT, MAJOR,
      DISTINGUISHED, PARTNER, VISIT);

  /** One alumni.csv row (CSV text values as imported) and its segments as of D. */
  public record Person(String studentNo, int graduationYear, String consentContact, String consentFundraising,
      String email, String phone, String jobTitle, String employer, String honors, String deceased,
      LocalDate lastVisitDate, Set<String> expected) {
  }

  public record Gift(String giftRef, String studentNo, String amount, LocalDate date) {
  }

  private static final List<Person> PEOPLE = new ArrayList<>();
  private static final List<Gift> GIFTS = new ArrayList<>();

  static {
    // helper terms: consent, contact channels
    p("T-BASE").add();
    p("T-NOCONSENT").grad(2005).consent("false").honors("").add(DNC);
    p("T-CONSENT-EMPTY").consent("").add(DNC);
    p("T-LOST").grad(2015).email("").add(LOST);
    p("T-EMAIL-ONLY").grad(2015).add(REUNION);
    p("T-PHONE-ONLY").grad(2015).email("").phone("138 0013-8000").add(REUNION);
    p("T-YO3-NOCHANNEL").grad(2022).email("").add(LOST);
    // yearsOut: 9/10/11 (T-EMAIL-ONLY is 10), 60/70, 0/5/6
    p("T-YO9").grad(2016).add();
    p("T-YO11").grad(2014).add();
    p("T-YO60").grad(1965).add(REUNION);
    p("T-YO70").grad(1955).add();
    p("T-YO0").grad(2025).add(YOUNG);
    p("T-YO5").grad(2020).phone("+86 139 0000 0000").add(YOUNG);
    p("T-YO6").grad(2019).add();
    // gift years: Dec 31 of Y-1 against Jan 1 of Y, a gift on D, gifts after D
    p("T-DEC31").gift("500.00", "2024-12-31").add(DONOR, LYBUNT);
    p("T-JAN1").gift("500.00", "2025-01-01").add(DONOR);
    p("T-BOTH-YEARS").gift("300.00", "2024-12-31").gift("300.00", "2025-01-01").add(DONOR);
    p("T-ON-D").gift("100.00", "2024-05-05").gift("100.00", "2025-06-15").add(DONOR);
    p("T-AFTER-D").gift("1000.00", "2025-06-16").add();
    p("T-AFTER-D-BIG").gift("100.00", "2024-03-01").gift("200000.00", "2025-06-16").add(DONOR, LYBUNT);
    p("T-SYB-DEC31").gift("800.00", "2023-12-31").add(DONOR, SYBUNT);
    p("T-SYB-JAN1").gift("100.00", "2023-05-01").gift("100.00", "2024-01-01").add(DONOR, LYBUNT);
    p("T-LYB-NOFUND").fundraising("no").gift("500.00", "2024-07-01").add(DONOR);
    p("T-SYB-NOMAIL").email("").phone("").fundraising("yes").gift("500.00", "2022-07-01").add(LOST, DONOR);
    // lifetime giving summed over several gifts (two in one year): 99,999.99 against 100,000.00
    p("T-LG-99999").gift("40000.00", "2010-01-01").gift("20000.00", "2012-03-01").gift("20000.00", "2012-09-01")
        .gift("19999.99", "2024-02-02").add(DONOR, LYBUNT);
    p("T-LG-100000").gift("40000.00", "2010-01-01").gift("20000.00", "2012-03-01").gift("20000.00", "2012-09-01")
        .gift("20000", "2024-02-02").add(DONOR, LYBUNT, MAJOR, VISIT);
    // the largest gift of the last five years: D - 5 years is outside, one day later inside
    p("T-MAX5-OUT").gift("50000.00", "2020-06-15").add(DONOR, SYBUNT);
    p("T-MAX5-IN").gift("50000.00", "2020-06-16").add(DONOR, SYBUNT, MAJOR, VISIT);
    p("T-MAX5-MIX").gift("60000.00", "2020-06-15").gift("100.00", "2020-06-16").add(DONOR, SYBUNT);
    // EXECUTIVE, Chinese and English, any case
    p("T-EXEC-CN").job("集团总裁").employer("华为技术有限公司").gift("10000.00", "2024-03-03")
        .add(DONOR, LYBUNT, MAJOR, PARTNER, VISIT);
    p("T-EXEC-EN").job("co-founder & ceo").employer("Acme Ltd").gift("9999.99", "2024-03-03")
        .add(DONOR, LYBUNT, PARTNER, VISIT);
    p("T-EXEC-NOEMP").job("Managing PARTNER").gift("10000", "2024-03-03").add(DONOR, LYBUNT, MAJOR, VISIT);
    p("T-EXEC-NOFUND").job("董事长").employer("某某集团").fundraising("no").gift("200000.00", "2023-01-01")
        .add(DONOR, PARTNER, VISIT);
    p("T-EXEC-CN2").job("创始合伙人").employer("某某资本").add(PARTNER, VISIT);
    p("T-NONEXEC").job("Senior Engineer").employer("Acme Ltd").gift("10000.00", "2024-03-03").add(DONOR, LYBUNT);
    p("T-EXEC-NOCHAN").job("CEO").employer("Acme Ltd").email("").add(LOST);
    // honours, visits (D - 365 days is due, a day later is not)
    p("T-HONORS-DNC").consent("no").honors("杰出校友").add(DNC, DISTINGUISHED);
    p("T-HONORS").honors("优秀毕业生;国家奖学金").add(DISTINGUISHED, VISIT);
    p("T-VISITED").honors("杰出校友").visited("2024-06-16").add(DISTINGUISHED);
    p("T-VISIT-365").honors("杰出校友").visited("2024-06-15").add(DISTINGUISHED, VISIT);
    // deceased: no segment at all
    p("T-DECEASED").grad(2015).consent("no").deceased("yes").honors("杰出校友").job("CEO").employer("Acme Ltd")
        .gift("200000.00", "2024-12-31").add();
  }

  private SegmentDataSet() {
  }

  public static List<Person> people() {
    return List.copyOf(PEOPLE);
  }

  public static List<Gift> gifts() {
    return List.copyOf(GIFTS);
  }

  public static Person person(String studentNo) {
    return PEOPLE.stream().filter(p -> p.studentNo().equals(studentNo)).findFirst().orElseThrow();
  }

  /** "CODE STUDENT_NO" for every membership expected as of D, by hand. */
  public static Set<String> expectedAtD() {
    Set<String> all = new TreeSet<>();
    PEOPLE.forEach(p -> p.expected().forEach(code -> all.add(code + " " + p.studentNo())));
    return all;
  }

  public static Map<String, Long> countsOf(Set<String> memberships) {
    Map<String, Long> counts = new TreeMap<>();
    CODES.forEach(c -> counts.put(c, 0L));
    memberships.forEach(m -> counts.merge(m.substring(0, m.indexOf(' ')), 1L, Long::sum));
    return counts;
  }

  public static Set<String> membersOf(Set<String> memberships, String code) {
    Set<String> members = new TreeSet<>();
    memberships.stream().filter(m -> m.startsWith(code + " ")).forEach(m -> members.add(m.substring(code.length()
        + 1)));
    return members;
  }

  public static String alumniCsv() {
    StringBuilder csv = new StringBuilder("student_no,name,college,degree,graduation_year,email,phone,job_title,"
        + "employer,honors,consent_contact,consent_fundraising,deceased\n");
    for (Person p : PEOPLE) {
      csv.append(String.join(",", p.studentNo(), "校友" + p.studentNo(), "cs", "BACHELOR",
          String.valueOf(p.graduationYear()), p.email(), p.phone(), quote(p.jobTitle()), quote(p.employer()),
          quote(p.honors()), p.consentContact(), p.consentFundraising(), p.deceased())).append('\n');
    }
    return csv.toString();
  }

  public static String giftsCsv() {
    StringBuilder csv = new StringBuilder("gift_ref,student_no,amount_cny,gift_date,fund_code,channel\n");
    for (Gift g : GIFTS) {
      csv.append(String.join(",", g.giftRef(), g.studentNo(), g.amount(), g.date().toString(), "general",
          "BANK_TRANSFER")).append('\n');
    }
    return csv.toString();
  }

  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  // ---- SEGMENTS.md, read independently of the DRL ----

  /** "CODE STUDENT_NO" for every membership SEGMENTS.md gives as of {@code d}. */
  public static Set<String> expected(LocalDate d) {
    Set<String> all = new TreeSet<>();
    for (Person p : PEOPLE) {
      segments(p, d).forEach(code -> all.add(code + " " + p.studentNo()));
    }
    return all;
  }

  static Set<String> segments(Person p, LocalDate d) {
    Set<String> s = new TreeSet<>();
    if (flag(p.deceased())) {
      return s;
    }
    int y = d.getYear();
    boolean consent = flag(p.consentContact());
    boolean channel = !p.email().isEmpty() || !p.phone().isEmpty();
    boolean contactable = consent && channel;
    boolean fundraisable = contactable && flag(p.consentFundraising());
    String title = p.jobTitle().toLowerCase(Locale.ROOT);
    boolean executive = List.of("CEO", "CFO", "CTO", "President", "Chairman", "Founder", "Partner", "总裁", "总经理",
        "董事长", "创始人", "合伙人").stream().anyMatch(w -> title.contains(w.toLowerCase(Locale.ROOT)));
    int yearsOut = y - p.graduationYear();
    List<Gift> gifts = GIFTS.stream().filter(g -> g.studentNo().equals(p.studentNo()))
        .filter(g -> !g.date().isAfter(d)).toList();
    Set<Integer> years = new TreeSet<>();
    gifts.forEach(g -> years.add(g.date().getYear()));
    BigDecimal lifetime = gifts.stream().map(g -> new BigDecimal(g.amount())).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    BigDecimal maxRecent = gifts.stream().filter(g -> g.date().isAfter(d.minusYears(5)))
        .map(g -> new BigDecimal(g.amount())).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);

    if (!consent) {
      s.add(DNC);
    }
    if (consent && !channel) {
      s.add(LOST);
    }
    if (contactable && List.of(10, 20, 30, 40, 50, 60).contains(yearsOut)) {
      s.add(REUNION);
    }
    if (contactable && yearsOut >= 0 && yearsOut <= 5) {
      s.add(YOUNG);
    }
    if (!gifts.isEmpty()) {
      s.add(DONOR);
    }
    if (fundraisable && years.contains(y - 1) && !years.contains(y)) {
      s.add(LYBUNT);
    }
    if (fundraisable && years.stream().anyMatch(x -> x < y - 1) && !years.contains(y - 1) && !years.contains(y)) {
      s.add(SYBUNT);
    }
    boolean major = fundraisable && (lifetime.compareTo(new BigDecimal("100000")) >= 0
        || maxRecent.compareTo(new BigDecimal("50000")) >= 0
        || executive && lifetime.compareTo(new BigDecimal("10000")) >= 0);
    if (major) {
      s.add(MAJOR);
    }
    boolean distinguished = !p.honors().isEmpty();
    if (distinguished) {
      s.add(DISTINGUISHED);
    }
    boolean partner = contactable && executive && !p.employer().isEmpty();
    if (partner) {
      s.add(PARTNER);
    }
    if (contactable && (major || distinguished || partner)
        && (p.lastVisitDate() == null || !p.lastVisitDate().isAfter(d.minusDays(365)))) {
      s.add(VISIT);
    }
    return s;
  }

  private static boolean flag(String v) {
    return Set.of("true", "yes", "1").contains(v.toLowerCase(Locale.ROOT));
  }

  // ---- building the table ----

  private static Builder p(String studentNo) {
    return new Builder(studentNo);
  }

  private static final class Builder {
    final String studentNo;
    int graduationYear = 2018;
    String consentContact = "yes";
    String consentFundraising = "yes";
    String email;
    String phone = "";
    String jobTitle = "";
    String employer = "";
    String honors = "";
    String deceased = "no";
    LocalDate lastVisitDate;
    final Map<String, String[]> gifts = new LinkedHashMap<>();

    Builder(String studentNo) {
      this.studentNo = studentNo;
      this.email = studentNo.toLowerCase(Locale.ROOT) + "@example.cn";
    }

    Builder grad(int year) {
      graduationYear = year;
      return this;
    }

    Builder consent(String v) {
      consentContact = v;
      return this;
    }

    Builder fundraising(String v) {
      consentFundraising = v;
      return this;
    }

    Builder email(String v) {
      email = v;
      return this;
    }

    Builder phone(String v) {
      phone = v;
      return this;
    }

    Builder job(String v) {
      jobTitle = v;
      return this;
    }

    Builder employer(String v) {
      employer = v;
      return this;
    }

    Builder honors(String v) {
      honors = v;
      return this;
    }

    Builder deceased(String v) {
      deceased = v;
      return this;
    }

    Builder visited(String date) {
      lastVisitDate = LocalDate.parse(date);
      return this;
    }

    Builder gift(String amount, String date) {
      gifts.put(studentNo + "-G" + (gifts.size() + 1), new String[] {amount, date});
      return this;
    }

    void add(String... expected) {
      if (studentNo.length() > 20) {
        throw new IllegalArgumentException(studentNo);
      }
      PEOPLE.add(new Person(studentNo, graduationYear, consentContact, consentFundraising, email, phone, jobTitle,
          employer, honors, deceased, lastVisitDate, Set.of(expected)));
      gifts.forEach((ref, g) -> GIFTS.add(new Gift(ref, studentNo, g[0], LocalDate.parse(g[1]))));
    }
  }
}
