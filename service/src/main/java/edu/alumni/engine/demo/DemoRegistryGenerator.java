package edu.alumni.engine.demo;

import edu.alumni.engine.alumni.AlumniCsvFormat;
import edu.alumni.engine.gift.GiftCsvFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a realistic, made-up alumni registry as {@code alumni.csv} and {@code gifts.csv} in the formats of DATA.md,
 * row by row to {@link Writer}s, so a million alumni and their three million gifts never sit in memory.
 *
 * <p>The output depends only on the seed and the as-of date: row {@code i} is drawn from its own random stream
 * (seed, i), so the same arguments always give the same bytes, and a file of n rows is the first n rows of any
 * longer one. What it models (the figures are the design, the tests check them):
 * <ul>
 *   <li>names: mostly Chinese (common surnames by frequency, one- or two-character given names, era-typical names for
 *       older classes, a few minority names with '·'), some English or romanised names, a few written "Last, First";
 *   <li>every college of the catalogue, majors of each, class names such as {@code 计算机2012级1班};
 *   <li>graduation years 1960 to the as-of date, weighted to recent decades; enrollment 4 years before a bachelor's,
 *       2-3 before a master's, 4-5 before a doctorate (a few left empty, as old records are);
 *   <li>cities of all 12 chapters in Chinese and English spellings (with some case variants), cities that map to
 *       no chapter (长沙, 重庆, 苏州, Tokyo, New York, Toronto ...), some empty; countries in either language;
 *   <li>employers, industries and job titles by college and age, a few percent executives (CEO, 总经理, 董事长,
 *       Founder, Partner ...), retirees among the old classes;
 *   <li>e-mails and phones in the shapes people type them, some alumni with neither; consent mostly to contact,
 *       less to fundraising, some to nothing; a few deceased; some honours such as {@code 全国劳动模范;杰出校友};
 *   <li>gifts over the last 15 years (never before graduation, never after the as-of date): about 30-45% of alumni
 *       give, about 3 gifts per alumnus across the registry; occasional, annual and monthly donors; log-normal
 *       amounts mostly 100-5,000 CNY with a tail of 10k/50k/100k+ and a very rare 1,000,000+; funds mixed like a
 *       Chinese university foundation's ({@link #FUND_MIX}); channels mostly ONLINE and BANK_TRANSFER; gift_ref
 *       unique, {@code G2019-000123-1}.
 * </ul>
 * Every row is valid by DATA.md as of the as-of date.
 */
public final class DemoRegistryGenerator {

  /** The columns of alumni.csv (DATA.md), in the order they are written: the import's own list. */
  public static final List<String> ALUMNI_COLUMNS = AlumniCsvFormat.COLUMNS;

  /** The columns of gifts.csv (DATA.md), in the order they are written: the import's own list. */
  public static final List<String> GIFT_COLUMNS = GiftCsvFormat.COLUMNS;

  /** Share of gifts per fund, as designed (a gift goes to its donor's usual fund or, less often, another). */
  public static final List<Weighted<String>> FUND_MIX = List.of(
      new Weighted<>("scholarship", 35), new Weighted<>("general", 25), new Weighted<>("discipline", 20),
      new Weighted<>("alumni-service", 10), new Weighted<>("library", 5), new Weighted<>("green-campus", 5));

  /** Earliest graduation year written. */
  public static final int FIRST_CLASS = 1960;
  /** Gifts are dated within this many years before the as-of date. */
  public static final int GIVING_YEARS = 15;

  /** A value with its relative weight. */
  public record Weighted<T>(T value, double weight) {
  }

  /** What a run wrote. */
  public record Totals(long alumni, long gifts, long donors) {
  }

  private final long seed;
  private final LocalDate asOf;
  private final int lastClass;
  private final Pick<Integer> classYears;

  public DemoRegistryGenerator(long seed, LocalDate asOf) {
    this.seed = seed;
    this.asOf = asOf;
    // the class of the as-of year has graduated once July has come
    this.lastClass = asOf.getMonthValue() >= 7 ? asOf.getYear() : asOf.getYear() - 1;
    List<Weighted<Integer>> years = new ArrayList<>();
    for (int y = FIRST_CLASS; y <= lastClass; y++) {
      double w = y < 1966 ? 1.0 : y < 1978 ? 0.5 : y < 1990 ? 2.0 : y < 2000 ? 3.0 : y < 2010 ? 6.0 : 8.0;
      years.add(new Weighted<>(y, w));
    }
    this.classYears = new Pick<>(years);
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Writes {@code count} alumni (header first) to {@code alumniOut}; their gifts to {@code giftsOut} unless null. */
  public Totals write(int count, Writer alumniOut, Writer giftsOut) throws IOException {
    StringBuilder line = new StringBuilder(512);
    header(line, ALUMNI_COLUMNS);
    alumniOut.append(line);
    if (giftsOut != null) {
      line.setLength(0);
      header(line, GIFT_COLUMNS);
      giftsOut.append(line);
    }
    long gifts = 0;
    long donors = 0;
    List<GiftRow> giftRows = new ArrayList<>(64);
    for (int i = 0; i < count; i++) {
      Person p = person(i);
      line.setLength(0);
      p.appendCsv(line);
      alumniOut.append(line);
      if (giftsOut != null) {
        giftRows.clear();
        gifts(i, p, giftRows);
        if (!giftRows.isEmpty()) {
          donors++;
        }
        for (GiftRow g : giftRows) {
          line.setLength(0);
          g.appendCsv(line);
          giftsOut.append(line);
        }
        gifts += giftRows.size();
      }
    }
    alumniOut.flush();
    if (giftsOut != null) {
      giftsOut.flush();
    }
    return new Totals(count, gifts, donors);
  }

  /** Writes {@code count} alumni only. */
  public Totals writeAlumni(int count, Writer alumniOut) throws IOException {
    return write(count, alumniOut, null);
  }

  /** Writes alumni.csv and gifts.csv into a folder (UTF-8). */
  public Totals writeFiles(int count, Path alumniCsv, Path giftsCsv) throws IOException {
    try (Writer a = new BufferedWriter(Files.newBufferedWriter(alumniCsv, StandardCharsets.UTF_8), 1 << 16);
        Writer g = giftsCsv == null ? null
            : new BufferedWriter(Files.newBufferedWriter(giftsCsv, StandardCharsets.UTF_8), 1 << 16)) {
      return write(count, a, g);
    }
  }

  /** {@code DemoRegistryGenerator COUNT DIR [SEED [AS_OF]]} writes DIR/alumni.csv and DIR/gifts.csv. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DemoRegistryGenerator COUNT DIR [SEED [AS_OF yyyy-MM-dd]]");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0].replace("_", ""));
    Path dir = Files.createDirectories(Path.of(args[1]));
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261125L;
    LocalDate asOf = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.now();
    Totals t = new DemoRegistryGenerator(seed, asOf).writeFiles(count, dir.resolve("alumni.csv"),
        dir.resolve("gifts.csv"));
    System.out.println(t);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Alumni

  private Person person(int index) {
    SplittableRandom r = random(index, 1);
    Person p = new Person();
    p.index = index;
    p.graduationYear = classYears.next(r);
    int yearsOut = asOf.getYear() - p.graduationYear;
    p.degree = p.graduationYear < 1985
        ? (r.nextDouble() < 0.92 ? "BACHELOR" : r.nextDouble() < 0.8 ? "MASTER" : "DOCTOR")
        : DEGREES.next(r);
    int studyYears = switch (p.degree) {
      case "BACHELOR" -> 4;
      case "MASTER" -> r.nextDouble() < 0.7 ? 3 : 2;
      default -> r.nextDouble() < 0.6 ? 4 : 5;
    };
    int enrollment = p.graduationYear - studyYears;
    p.enrollmentYear = r.nextDouble() < (p.graduationYear < 1990 ? 0.10 : 0.02) ? null : enrollment;
    p.studentNo = p.degree.charAt(0) == 'B' ? "U" : p.degree.substring(0, 1);
    p.studentNo += enrollment + pad7(index + 1);

    double g = r.nextDouble();
    p.gender = g < 0.54 ? "M" : g < 0.97 ? "F" : null;
    name(r, p);

    Major major = MAJORS[COLLEGES.nextIndex(r)].next(r);
    p.college = major.college;
    p.major = r.nextDouble() < 0.02 ? null : major.name;
    p.className = className(r, major, p.degree, enrollment);

    location(r, p);
    career(r, p, yearsOut);
    contacts(r, p);

    double honours = p.executive ? 0.10 : p.graduationYear < 1990 ? 0.03 : 0.012;
    if (r.nextDouble() < honours) {
      p.honors = honours(r, p.gender);
    }
    double deceased = p.graduationYear < 1970 ? 0.20 : p.graduationYear < 1980 ? 0.08
        : p.graduationYear < 1990 ? 0.025 : p.graduationYear < 2000 ? 0.008 : 0.002;
    p.deceased = r.nextDouble() < deceased;
    double c = r.nextDouble();
    if (c < 0.76) {
      p.consentContact = true;
      p.consentFundraising = r.nextDouble() < 0.52;
    } else {
      p.consentContact = false;
      p.consentFundraising = r.nextDouble() < 0.02;
    }
    p.flagStyle = r.nextInt(100);
    return p;
  }

  /** Sets the name and its latin letters (for the e-mail address). */
  private static void name(SplittableRandom r, Person p) {
    boolean male = p.gender == null ? r.nextBoolean() : p.gender.equals("M");
    double kind = r.nextDouble();
    if (kind < 0.035) {
      // a Western name, now and then written "Last, First" (the comma makes the field quoted)
      String first = pick(r, male ? WESTERN_MALE : WESTERN_FEMALE);
      String last = pick(r, WESTERN_LAST);
      p.name = r.nextDouble() < 0.12 ? last + ", " + first : first + " " + last;
      p.latin = ascii(first) + " " + ascii(last);
      return;
    }
    Syllable surname = SURNAMES.next(r);
    Syllable given = given(r, male, p.graduationYear);
    if (kind < 0.055) {
      // an English first name with the Chinese surname, as many alumni abroad go by
      String first = pick(r, male ? WESTERN_MALE : WESTERN_FEMALE);
      p.name = first + " " + capitalise(surname.pinyin);
      p.latin = ascii(first) + " " + surname.pinyin;
    } else if (kind < 0.07) {
      // romanised, surname first in capitals as passports write it
      p.name = surname.pinyin.toUpperCase(java.util.Locale.ROOT) + " " + capitalise(given.pinyin);
      p.latin = given.pinyin + " " + surname.pinyin;
    } else if (kind < 0.075) {
      Syllable minority = pick(r, MINORITY_NAMES);
      p.name = minority.hanzi;
      p.latin = minority.pinyin;
    } else {
      p.name = surname.hanzi + given.hanzi;
      p.latin = r.nextDouble() < 0.7 ? surname.pinyin + " " + given.pinyin : given.pinyin + " " + surname.pinyin;
    }
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c >= 'a' && c <= 'z') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Syllable given(SplittableRandom r, boolean male, int classOf) {
    if (classOf < 1990 && r.nextDouble() < 0.25) {
      return pick(r, male ? ERA_MALE : ERA_FEMALE);
    }
    Syllable[] pool = male ? GIVEN_MALE : GIVEN_FEMALE;
    Syllable first = pick(r, pool);
    if (r.nextDouble() < (classOf < 1990 ? 0.45 : 0.3)) {
      return first;
    }
    Syllable second = r.nextDouble() < 0.3 ? pick(r, GIVEN_NEUTRAL) : pick(r, pool);
    return r.nextBoolean() ? new Syllable(first.hanzi + second.hanzi, first.pinyin + second.pinyin)
        : new Syllable(second.hanzi + first.hanzi, second.pinyin + first.pinyin);
  }

  private static String className(SplittableRandom r, Major major, String degree, int enrollment) {
    switch (degree) {
      case "BACHELOR":
        if (r.nextDouble() < 0.12) {
          return null;
        }
        int classes = major.classes;
        return major.shortName + enrollment + "级" + (1 + r.nextInt(classes)) + "班";
      case "MASTER":
        return r.nextDouble() < 0.5 ? major.shortName + "硕士" + enrollment + "级" : null;
      default:
        return r.nextDouble() < 0.4 ? major.shortName + "博士" + enrollment + "级" : null;
    }
  }

  private static void location(SplittableRandom r, Person p) {
    double where = r.nextDouble();
    if (where < 0.57) {
      City city = DOMESTIC_CHAPTER_CITIES.next(r);
      double spelling = r.nextDouble();
      p.city = spelling < 0.84 ? city.chinese : spelling < 0.97 ? city.english
          : r.nextBoolean() ? city.english.toUpperCase(java.util.Locale.ROOT)
          : city.english.toLowerCase(java.util.Locale.ROOT);
      p.region = Region.CHINA;
    } else if (where < 0.65) {
      City city = OVERSEAS_CHAPTER_CITIES.next(r);
      p.city = city.chinese != null && r.nextDouble() < 0.35 ? city.chinese : city.english;
      p.region = city.region;
    } else if (where < 0.87) {
      City city = DOMESTIC_OTHER_CITIES.next(r);
      p.city = city.english != null && r.nextDouble() < 0.08 ? city.english : city.chinese;
      p.region = Region.CHINA;
    } else if (where < 0.93) {
      City city = OVERSEAS_OTHER_CITIES.next(r);
      p.city = city.chinese != null && r.nextDouble() < 0.2 ? city.chinese : city.english;
      p.region = city.region;
    } else {
      p.city = null;
      p.region = r.nextDouble() < 0.85 ? Region.CHINA : null;
    }
    p.abroad = p.region != null && p.region != Region.CHINA && p.region != Region.HONG_KONG;
    if (p.region == null || r.nextDouble() < 0.08) {
      p.country = null;
    } else {
      p.country = r.nextDouble() < (p.region == Region.CHINA ? 0.88 : 0.45) ? p.region.chinese : p.region.english;
    }
  }

  private static void career(SplittableRandom r, Person p, int yearsOut) {
    if (yearsOut >= 38 && r.nextDouble() < 0.7) {
      // retired
      if (r.nextDouble() < 0.4) {
        Industry industry = INDUSTRIES_BY_COLLEGE[collegeIndex(p.college)].next(r);
        p.employer = pick(r, industry.employers);
        p.industry = industry.name;
      }
      p.jobTitle = r.nextDouble() < 0.5 ? "退休" : null;
      return;
    }
    if (r.nextDouble() < 0.14) {
      return; // nothing known
    }
    Industry industry = INDUSTRIES_BY_COLLEGE[collegeIndex(p.college)].next(r);
    double executive = yearsOut < 3 ? 0.003 : yearsOut < 10 ? 0.02 : yearsOut < 40 ? 0.065 : 0.03;
    if (p.college.equals("mgmt") || p.college.equals("econ")) {
      executive *= 1.6;
    }
    if (r.nextDouble() < executive) {
      p.executive = true;
      double kind = r.nextDouble();
      if (kind < 0.35) {
        // founded a company of their own
        p.jobTitle = pick(r, FOUNDER_TITLES);
        p.employer = startup(r, p);
        p.industry = industry.startupIndustry;
      } else if (kind < 0.5) {
        p.jobTitle = pick(r, PARTNER_TITLES);
        Industry partnership = PARTNERSHIPS.next(r);
        p.employer = pick(r, partnership.employers);
        p.industry = partnership.name;
      } else {
        p.jobTitle = pick(r, EXECUTIVE_TITLES);
        p.employer = pick(r, p.abroad && industry.overseasEmployers.length > 0 ? industry.overseasEmployers
            : industry.employers);
        p.industry = industry.name;
      }
      return;
    }
    p.employer = p.abroad && industry.overseasEmployers.length > 0 && r.nextDouble() < 0.8
        ? pick(r, industry.overseasEmployers) : pick(r, industry.employers);
    p.industry = r.nextDouble() < 0.1 ? null : industry.name;
    String[] titles = yearsOut < 5 ? industry.juniorTitles : industry.titles;
    p.jobTitle = r.nextDouble() < 0.06 ? null : pick(r, titles);
    if (p.abroad && industry.englishTitles.length > 0 && r.nextDouble() < 0.7) {
      p.jobTitle = pick(r, industry.englishTitles);
    }
  }

  private static String startup(SplittableRandom r, Person p) {
    if (p.abroad) {
      return pick(r, STARTUP_EN_A) + pick(r, STARTUP_EN_B) + pick(r, STARTUP_EN_SUFFIX);
    }
    String place = p.city != null && p.city.length() <= 3 && isHan(p.city.charAt(0)) ? p.city : pick(r, STARTUP_PLACES);
    return place + pick(r, STARTUP_A) + pick(r, STARTUP_B) + pick(r, STARTUP_TRADES) + "有限公司";
  }

  private static void contacts(SplittableRandom r, Person p) {
    boolean old = p.graduationYear < 1985;
    double e = r.nextDouble();
    boolean email = e < (old ? 0.38 : 0.68);
    boolean phone = r.nextDouble() < (old ? 0.52 : 0.62);
    if (!email && !phone && r.nextDouble() < 0.45) {
      // keep those with neither at about one in eight
      if (r.nextBoolean()) {
        email = true;
      } else {
        phone = true;
      }
    }
    if (email) {
      p.email = email(r, p);
    }
    if (phone) {
      p.phone = phone(r, p);
    }
  }

  private static String email(SplittableRandom r, Person p) {
    String local = localPart(r, p);
    double d = r.nextDouble();
    if (p.abroad) {
      return local + "@" + (d < 0.55 ? "gmail.com" : d < 0.75 ? "outlook.com" : d < 0.85 ? "hotmail.com"
          : d < 0.93 ? "yahoo.com" : "alumni.example.edu.cn");
    }
    if (d < 0.24) {
      return (10000 + r.nextInt(1_999_990_000)) + "@qq.com";
    }
    return local + "@" + (d < 0.44 ? "163.com" : d < 0.52 ? "126.com" : d < 0.62 ? "gmail.com" : d < 0.68
        ? "outlook.com" : d < 0.73 ? "sina.com" : d < 0.78 ? "foxmail.com" : d < 0.82 ? "hotmail.com"
        : d < 0.9 ? "alumni.example.edu.cn" : "139.com");
  }

  private static String localPart(SplittableRandom r, Person p) {
    String base = p.latin;
    int style = r.nextInt(4);
    String local = switch (style) {
      case 0 -> base.replace(" ", "");
      case 1 -> base.replace(" ", ".");
      case 2 -> base.replace(" ", "_");
      default -> base.replace(" ", "") + (p.enrollmentYear == null ? p.graduationYear : p.enrollmentYear);
    };
    if (style != 3 && r.nextDouble() < 0.6) {
      local += r.nextInt(1000);
    }
    return local;
  }

  private static String phone(SplittableRandom r, Person p) {
    if (p.abroad) {
      return switch (p.region) {
        case USA -> "+1 " + (r.nextBoolean() ? "415" : "650") + "-555-0" + digits(r, 3);
        case CANADA -> "+1 416-555-0" + digits(r, 3);
        case SINGAPORE -> "+65 " + (8 + r.nextInt(2)) + digits(r, 3) + " " + digits(r, 4);
        case UK -> "+44 20 7946 0" + digits(r, 3);
        case JAPAN -> "+81 3-" + digits(r, 4) + "-" + digits(r, 4);
        case AUSTRALIA -> "+61 4" + digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 3);
        case KOREA -> "+82 10-" + digits(r, 4) + "-" + digits(r, 4);
        default -> "+49 30 " + digits(r, 8);
      };
    }
    if (p.graduationYear < 1990 && r.nextDouble() < 0.25) {
      // a landline with its area code
      return pick(r, AREA_CODES) + "-" + (2 + r.nextInt(8)) + digits(r, 7);
    }
    String mobile = pick(r, MOBILE_PREFIXES) + digits(r, 8);
    double f = r.nextDouble();
    if (f < 0.55) {
      return mobile;
    }
    String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
    if (f < 0.75) {
      return spaced;
    }
    if (f < 0.88) {
      return spaced.replace(' ', '-');
    }
    return f < 0.96 ? "+86 " + mobile : "+86-" + spaced.replace(' ', '-');
  }

  private static String honours(SplittableRandom r, String gender) {
    int n = r.nextDouble() < 0.75 ? 1 : r.nextDouble() < 0.8 ? 2 : 3;
    List<String> picked = new ArrayList<>(n);
    for (int attempts = 0; picked.size() < n && attempts < 10; attempts++) {
      String h = HONOURS.next(r);
      if (h.equals("全国三八红旗手") && !"F".equals(gender)) {
        continue;
      }
      if (!picked.contains(h)) {
        picked.add(h);
      }
    }
    return String.join(";", picked);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Gifts

  private void gifts(int index, Person p, List<GiftRow> out) {
    SplittableRandom r = random(index, 2);
    LocalDate windowStart = asOf.minusYears(GIVING_YEARS).plusDays(1);
    LocalDate graduated = LocalDate.of(p.graduationYear, 7, 1);
    LocalDate from = graduated.isAfter(windowStart) ? graduated : windowStart;
    if (from.isAfter(asOf)) {
      return;
    }
    double give = 0.40;
    if (p.consentFundraising) {
      give *= 1.25;
    }
    if (!p.consentContact) {
      give *= 0.7;
    }
    if (p.executive) {
      give = Math.max(give, 0.75);
    }
    if (p.deceased) {
      give *= 0.5;
    }
    if (asOf.getYear() - p.graduationYear < 3) {
      give *= 0.6;
    }
    if (r.nextDouble() >= give) {
      return;
    }
    long days = asOf.toEpochDay() - from.toEpochDay() + 1;
    String usualFund = FUNDS.next(r);
    double kind = r.nextDouble();
    List<LocalDate> dates = new ArrayList<>();
    boolean monthly = false;
    if (kind < 0.45) {
      // occasional: one to three gifts
      int n = 1 + (r.nextDouble() < 0.5 ? 0 : r.nextDouble() < 0.6 ? 1 : 2);
      for (int i = 0; i < n; i++) {
        dates.add(seasonal(r, from.plusDays(r.nextLong(days))));
      }
    } else if (kind < 0.85) {
      // annual: most years from a first year on, around the same time of year
      int firstYear = from.getYear() + r.nextInt(Math.max(1, (asOf.getYear() - from.getYear()) / 2 + 1));
      int dayOfYear = r.nextDouble() < 0.35 ? 340 + r.nextInt(20) : 1 + r.nextInt(360);
      for (int y = firstYear; y <= asOf.getYear(); y++) {
        if (r.nextDouble() < 0.86) {
          dates.add(LocalDate.ofYearDay(y, Math.max(1, Math.min(dayOfYear + r.nextInt(9) - 4, 365))));
        }
      }
      if (dates.isEmpty()) {
        dates.add(from.plusDays(r.nextLong(days)));
      }
    } else {
      // monthly online giving for a stretch of months
      monthly = true;
      int months = 12 + r.nextInt(37);
      LocalDate start = from.plusDays(r.nextLong(days));
      int dayOfMonth = 1 + r.nextInt(28);
      LocalDate month = start.withDayOfMonth(1);
      for (int m = 0; m < months; m++, month = month.plusMonths(1)) {
        if (r.nextDouble() < 0.88) {
          dates.add(month.withDayOfMonth(dayOfMonth));
        }
      }
    }
    dates.removeIf(d -> d.isBefore(from) || d.isAfter(asOf));
    dates.sort(null);
    double typical = monthly ? 100 : kind < 0.45 ? 480 : 900;
    if (p.executive) {
      typical *= 6;
    }
    int seq = 0;
    for (LocalDate date : dates) {
      GiftRow g = new GiftRow();
      g.giftRef = "G" + date.getYear() + "-" + pad6(index + 1) + "-" + (++seq);
      g.studentNo = p.studentNo;
      g.date = date;
      long cents;
      double major = p.executive ? 0.06 : 0.006;
      double mega = p.executive ? 0.0015 : 0.00002;
      double u = r.nextDouble();
      boolean large = false;
      if (!monthly && u < mega) {
        cents = 100L * 1_000_000L * pick(r, MEGA_MULTIPLES);
        large = true;
      } else if (!monthly && u < mega + major) {
        cents = 100L * MAJOR_AMOUNTS.next(r);
        large = true;
      } else if (r.nextDouble() < 0.04) {
        // the class year as the amount (2012 CNY from the class of 2012), or a lucky number
        cents = r.nextBoolean() ? 100L * p.graduationYear : pick(r, LUCKY_CENTS);
      } else if (monthly) {
        cents = 100L * pick(r, MONTHLY_AMOUNTS);
      } else {
        cents = 100L * round(typical * Math.exp(0.95 * r.nextGaussian()));
      }
      g.cents = cents;
      g.fund = large ? MAJOR_FUNDS.next(r) : r.nextDouble() < 0.7 ? usualFund : FUNDS.next(r);
      g.channel = monthly ? (r.nextDouble() < 0.96 ? "ONLINE" : null)
          : cents >= 100L * 100_000 ? LARGE_CHANNELS.next(r)
          : cents >= 100L * 5_000 ? MIDDLE_CHANNELS.next(r)
          : SMALL_CHANNELS.next(r);
      g.amountStyle = r.nextInt(10);
      out.add(g);
    }
  }

  /** A fifth of occasional gifts fall in June (graduation) or December (year end), when that is not later. */
  private LocalDate seasonal(SplittableRandom r, LocalDate d) {
    if (r.nextDouble() < 0.2) {
      LocalDate moved = d.withMonth(r.nextBoolean() ? 6 : 12);
      if (!moved.isAfter(asOf) && !moved.isBefore(asOf.minusYears(GIVING_YEARS).plusDays(1))) {
        return moved;
      }
    }
    return d;
  }

  private static long round(double amount) {
    if (amount < 20) {
      return 10;
    }
    if (amount < 100) {
      return Math.round(amount / 10) * 10;
    }
    if (amount < 1000) {
      return Math.round(amount / 50) * 50;
    }
    if (amount < 10_000) {
      return Math.round(amount / 100) * 100;
    }
    return Math.round(amount / 1000) * 1000;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rows and CSV

  private static final class Person {
    int index;
    String studentNo;
    String name;
    /** Lower-case latin letters of the name, words separated by a space (for an e-mail address). */
    String latin;
    String gender;
    String college;
    String major;
    String degree;
    Integer enrollmentYear;
    int graduationYear;
    String className;
    String city;
    Region region;
    boolean abroad;
    String country;
    String employer;
    String industry;
    String jobTitle;
    boolean executive;
    String email;
    String phone;
    String honors;
    boolean consentContact;
    boolean consentFundraising;
    boolean deceased;
    int flagStyle;

    void appendCsv(StringBuilder b) {
      field(b, studentNo).append(',');
      field(b, name).append(',');
      field(b, gender).append(',');
      field(b, college).append(',');
      field(b, major).append(',');
      field(b, degree).append(',');
      if (enrollmentYear != null) {
        b.append(enrollmentYear.intValue());
      }
      b.append(',').append(graduationYear).append(',');
      field(b, className).append(',');
      field(b, city).append(',');
      field(b, country).append(',');
      field(b, employer).append(',');
      field(b, industry).append(',');
      field(b, jobTitle).append(',');
      field(b, email).append(',');
      field(b, phone).append(',');
      field(b, honors).append(',');
      flag(b, consentContact).append(',');
      flag(b, consentFundraising).append(',');
      flag(b, deceased).append('\n');
    }

    /** Mostly true/false; some exports write yes/no, 1/0, capitals, or leave a false empty. */
    private StringBuilder flag(StringBuilder b, boolean value) {
      if (flagStyle < 84) {
        return b.append(value ? "true" : "false");
      }
      if (flagStyle < 89) {
        return b.append(value ? "yes" : "no");
      }
      if (flagStyle < 94) {
        return b.append(value ? '1' : '0');
      }
      if (flagStyle < 97) {
        return b.append(value ? "TRUE" : "FALSE");
      }
      return value ? b.append("Yes") : b;
    }
  }

  private static final class GiftRow {
    String giftRef;
    String studentNo;
    long cents;
    LocalDate date;
    String fund;
    String channel;
    int amountStyle;

    void appendCsv(StringBuilder b) {
      b.append(giftRef).append(',').append(studentNo).append(',');
      long units = cents / 100;
      int fraction = (int) (cents % 100);
      b.append(units);
      if (fraction != 0) {
        b.append('.').append(fraction < 10 ? "0" : "").append(fraction);
      } else if (amountStyle == 0) {
        b.append(".00");
      }
      b.append(',').append(date).append(',').append(fund).append(',');
      if (channel != null) {
        b.append(channel);
      }
      b.append('\n');
    }
  }

  private static void header(StringBuilder b, List<String> columns) {
    b.append(String.join(",", columns)).append('\n');
  }

  /** RFC 4180: a value with a comma, quote or line break is quoted, its quotes doubled. */
  static StringBuilder field(StringBuilder b, String value) {
    if (value == null) {
      return b;
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return b.append(value);
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    return b.append('"');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Randomness

  private SplittableRandom random(int index, int stream) {
    return new SplittableRandom(mix(mix(seed) ^ (index * 0x9E3779B97F4A7C15L + stream)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static int pick(SplittableRandom r, int[] values) {
    return values[r.nextInt(values.length)];
  }

  private static long pick(SplittableRandom r, long[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String pad6(int n) {
    String s = Integer.toString(n);
    return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
  }

  private static String pad7(int n) {
    String s = Integer.toString(n);
    return s.length() >= 7 ? s : "0000000".substring(s.length()) + s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** Weighted choice by cumulative weights. */
  static final class Pick<T> {
    private final Object[] values;
    private final double[] cumulative;

    Pick(List<Weighted<T>> weighted) {
      values = new Object[weighted.size()];
      cumulative = new double[weighted.size()];
      double sum = 0;
      for (int i = 0; i < weighted.size(); i++) {
        values[i] = weighted.get(i).value();
        sum += weighted.get(i).weight();
        cumulative[i] = sum;
      }
      for (int i = 0; i < cumulative.length; i++) {
        cumulative[i] /= sum;
      }
    }

    int nextIndex(SplittableRandom r) {
      double u = r.nextDouble();
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] <= u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @SuppressWarnings("unchecked")
    T next(SplittableRandom r) {
      return (T) values[nextIndex(r)];
    }
  }

  private static <T> Pick<T> weights(Object... valueWeightPairs) {
    List<Weighted<T>> list = new ArrayList<>();
    for (int i = 0; i < valueWeightPairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      T value = (T) valueWeightPairs[i];
      list.add(new Weighted<>(value, ((Number) valueWeightPairs[i + 1]).doubleValue()));
    }
    return new Pick<>(list);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reference tables

  private record Syllable(String hanzi, String pinyin) {
  }

  private static Syllable[] syllables(String spec) {
    String[] parts = spec.trim().split("\\s+");
    Syllable[] out = new Syllable[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] hp = parts[i].split(":");
      out[i] = new Syllable(hp[0], hp[1]);
    }
    return out;
  }

  /** Common surnames with their rough share of the population (per cent). */
  private static final Pick<Syllable> SURNAMES;

  static {
    String spec = "王:wang:7.1 李:li:7.0 张:zhang:6.7 刘:liu:5.4 陈:chen:4.5 杨:yang:3.1 黄:huang:2.2 赵:zhao:2.0 "
        + "吴:wu:1.9 周:zhou:1.9 徐:xu:1.5 孙:sun:1.5 马:ma:1.3 朱:zhu:1.3 胡:hu:1.2 郭:guo:1.2 何:he:1.1 "
        + "高:gao:1.0 林:lin:1.0 罗:luo:0.9 郑:zheng:0.9 梁:liang:0.9 谢:xie:0.8 宋:song:0.8 唐:tang:0.8 "
        + "许:xu:0.7 韩:han:0.7 冯:feng:0.7 邓:deng:0.7 曹:cao:0.7 彭:peng:0.6 曾:zeng:0.6 肖:xiao:0.6 "
        + "田:tian:0.6 董:dong:0.5 袁:yuan:0.5 潘:pan:0.5 于:yu:0.5 蒋:jiang:0.5 蔡:cai:0.5 余:yu:0.5 "
        + "杜:du:0.5 叶:ye:0.5 程:cheng:0.4 苏:su:0.4 魏:wei:0.4 吕:lv:0.4 丁:ding:0.4 任:ren:0.4 沈:shen:0.4 "
        + "姚:yao:0.4 卢:lu:0.4 姜:jiang:0.4 崔:cui:0.3 钟:zhong:0.3 谭:tan:0.3 陆:lu:0.3 汪:wang:0.3 "
        + "范:fan:0.3 金:jin:0.3 石:shi:0.3 廖:liao:0.3 贾:jia:0.3 夏:xia:0.3 韦:wei:0.3 付:fu:0.3 方:fang:0.3 "
        + "白:bai:0.3 邹:zou:0.2 孟:meng:0.2 熊:xiong:0.2 秦:qin:0.2 邱:qiu:0.2 江:jiang:0.2 尹:yin:0.2 "
        + "薛:xue:0.2 段:duan:0.2 雷:lei:0.2 侯:hou:0.2 龙:long:0.2 史:shi:0.2 陶:tao:0.2 黎:li:0.2 贺:he:0.2 "
        + "顾:gu:0.2 毛:mao:0.2 郝:hao:0.2 龚:gong:0.2 邵:shao:0.2 万:wan:0.2 钱:qian:0.2 严:yan:0.2 "
        + "覃:qin:0.1 武:wu:0.2 戴:dai:0.2 莫:mo:0.1 孔:kong:0.1 向:xiang:0.1 汤:tang:0.1 欧阳:ouyang:0.05 "
        + "司马:sima:0.01 诸葛:zhuge:0.01 上官:shangguan:0.01";
    List<Weighted<Syllable>> list = new ArrayList<>();
    for (String part : spec.trim().split("\\s+")) {
      String[] f = part.split(":");
      list.add(new Weighted<>(new Syllable(f[0], f[1]), Double.parseDouble(f[2])));
    }
    SURNAMES = new Pick<>(list);
  }

  private static final Syllable[] GIVEN_MALE = syllables("伟:wei 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 杰:jie "
      + "涛:tao 明:ming 超:chao 刚:gang 平:ping 辉:hui 鹏:peng 华:hua 飞:fei 鑫:xin 波:bo 斌:bin 宇:yu 浩:hao "
      + "凯:kai 健:jian 俊:jun 帆:fan 旭:xu 宁:ning 龙:long 博:bo 志:zhi 建:jian 国:guo 海:hai 东:dong 晨:chen "
      + "轩:xuan 睿:rui 泽:ze 铭:ming 成:cheng 亮:liang 振:zhen 天:tian 峰:feng 毅:yi 航:hang 昊:hao 诚:cheng");
  private static final Syllable[] GIVEN_FEMALE = syllables("芳:fang 娜:na 敏:min 静:jing 丽:li 艳:yan 娟:juan "
      + "霞:xia 秀:xiu 英:ying 玲:ling 婷:ting 雪:xue 慧:hui 琳:lin 颖:ying 倩:qian 洁:jie 燕:yan 萍:ping 红:hong "
      + "梅:mei 莉:li 晶:jing 欣:xin 怡:yi 雨:yu 诗:shi 涵:han 悦:yue 琪:qi 月:yue 云:yun 丹:dan 蕾:lei 薇:wei "
      + "瑶:yao 璐:lu 婧:jing 妍:yan");
  private static final Syllable[] GIVEN_NEUTRAL = syllables("文:wen 晓:xiao 思:si 嘉:jia 一:yi 子:zi 佳:jia "
      + "欣:xin 宇:yu 晨:chen 安:an 可:ke 心:xin 梓:zi 若:ruo");
  private static final Syllable[] ERA_MALE = syllables("建国:jianguo 国庆:guoqing 卫东:weidong 建华:jianhua "
      + "志强:zhiqiang 建军:jianjun 援朝:yuanchao 国强:guoqiang 振华:zhenhua 卫国:weiguo 红军:hongjun");
  private static final Syllable[] ERA_FEMALE = syllables("秀英:xiuying 桂英:guiying 红梅:hongmei 玉兰:yulan "
      + "淑珍:shuzhen 秀兰:xiulan 凤英:fengying 丽华:lihua 建英:jianying 红霞:hongxia");
  private static final Syllable[] MINORITY_NAMES = syllables("阿依古丽·买买提:ayiguli.maimaiti "
      + "艾力·吐尔逊:aili.tuerxun 古丽娜尔·艾买提:gulinaer.aimaiti 努尔兰·别克:nuerlan.bieke "
      + "迪丽拜尔·吾斯曼:dilibaier.wusiman 扎西多吉:zhaxi.duoji 次仁卓玛:ciren.zhuoma 格桑央金:gesang.yangjin "
      + "巴特尔:bateer 乌兰托娅:wulan.tuoya 阿卜杜拉·热合曼:abudula.rehema");
  private static final String[] WESTERN_MALE = {"James", "John", "Michael", "David", "William", "Robert", "Thomas",
      "Daniel", "Kevin", "Jason", "Eric", "Peter", "Andrew", "Mark", "Alex", "Tony", "Frank", "Leo"};
  private static final String[] WESTERN_FEMALE = {"Emily", "Sarah", "Jessica", "Emma", "Olivia", "Sophia", "Anna",
      "Laura", "Grace", "Linda", "Amy", "Cindy", "Helen", "Vivian", "Iris", "Lily", "Nancy", "Claire"};
  private static final String[] WESTERN_LAST = {"Smith", "Johnson", "Brown", "Williams", "Jones", "Miller", "Davis",
      "Wilson", "Taylor", "Anderson", "Moore", "Martin", "Walker", "Clark", "O'Brien", "Müller", "García", "Nguyen",
      "Tanaka", "Kim", "Schmidt", "Dubois"};

  private static final Pick<String> DEGREES = weights("BACHELOR", 68, "MASTER", 24, "DOCTOR", 8);

  private record Major(String college, String name, String shortName, int classes) {
  }

  private static final String[] COLLEGE_CODES = {"cs", "ee", "me", "civil", "chem", "math", "phys", "econ", "mgmt",
      "law", "lit", "med"};

  /** Every college of the catalogue (DOMAIN.md), by relative size. */
  private static final Pick<String> COLLEGES = weights("cs", 12, "ee", 10, "me", 9, "civil", 9, "chem", 7,
      "math", 6, "phys", 5, "econ", 10, "mgmt", 11, "law", 6, "lit", 7, "med", 8);

  /** The codes of the catalogue's colleges, in the order of {@link #MAJORS}. */
  public static List<String> colleges() {
    return List.of(COLLEGE_CODES);
  }

  private static int collegeIndex(String code) {
    for (int i = 0; i < COLLEGE_CODES.length; i++) {
      if (COLLEGE_CODES[i].equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException(code);
  }

  @SuppressWarnings("unchecked")
  private static final Pick<Major>[] MAJORS = new Pick[] {
      majors("cs", "计算机科学与技术/计算机/6", 5, "软件工程/软件/4", 3, "网络工程/网络/2", 1, "信息安全/信安/2", 1),
      majors("ee", "电子信息工程/电信/4", 3, "通信工程/通信/4", 3, "微电子科学与工程/微电子/2", 1, "自动化/自动化/3", 2),
      majors("me", "机械设计制造及其自动化/机械/6", 5, "车辆工程/车辆/2", 2, "工业设计/工设/2", 1, "测控技术与仪器/测控/2", 1),
      majors("civil", "土木工程/土木/6", 5, "建筑学/建筑/2", 2, "给排水科学与工程/给排水/2", 1, "工程管理/工管/2", 1),
      majors("chem", "化学/化学/2", 2, "化学工程与工艺/化工/4", 3, "应用化学/应化/2", 2, "高分子材料与工程/高分子/2", 1),
      majors("math", "数学与应用数学/数学/3", 3, "信息与计算科学/信计/2", 2, "统计学/统计/2", 2),
      majors("phys", "物理学/物理/2", 3, "应用物理学/应物/2", 2, "光电信息科学与工程/光电/2", 2),
      majors("econ", "经济学/经济/3", 3, "金融学/金融/4", 4, "国际经济与贸易/国贸/3", 2, "财政学/财政/2", 1),
      majors("mgmt", "工商管理/工商/3", 3, "会计学/会计/4", 4, "市场营销/营销/2", 2, "信息管理与信息系统/信管/2", 1),
      majors("law", "法学/法学/4", 5, "知识产权/知产/1", 1, "社会工作/社工/1", 1),
      majors("lit", "汉语言文学/中文/3", 4, "新闻学/新闻/2", 2, "英语/英语/3", 2, "历史学/历史/2", 1),
      majors("med", "临床医学/临床/6", 6, "口腔医学/口腔/2", 1, "护理学/护理/3", 2, "药学/药学/2", 2, "预防医学/预防/2", 1),
  };

  private static Pick<Major> majors(String college, Object... specWeightPairs) {
    List<Weighted<Major>> list = new ArrayList<>();
    for (int i = 0; i < specWeightPairs.length; i += 2) {
      String[] f = ((String) specWeightPairs[i]).split("/");
      list.add(new Weighted<>(new Major(college, f[0], f[1], Integer.parseInt(f[2])),
          ((Number) specWeightPairs[i + 1]).doubleValue()));
    }
    return new Pick<>(list);
  }

  private enum Region {
    CHINA("中国", "China"), HONG_KONG("中国香港", "Hong Kong, China"), USA("美国", "USA"), CANADA("加拿大", "Canada"),
    SINGAPORE("新加坡", "Singapore"), UK("英国", "UK"), JAPAN("日本", "Japan"), AUSTRALIA("澳大利亚", "Australia"),
    KOREA("韩国", "South Korea"), GERMANY("德国", "Germany"), FRANCE("法国", "France");

    final String chinese;
    final String english;

    Region(String chinese, String english) {
      this.chinese = chinese;
      this.english = english;
    }
  }

  private record City(String chinese, String english, Region region) {
  }

  /** The nine domestic chapters' cities (DOMAIN.md), both spellings. */
  private static final Pick<City> DOMESTIC_CHAPTER_CITIES = weights(
      new City("北京", "Beijing", Region.CHINA), 18, new City("上海", "Shanghai", Region.CHINA), 16,
      new City("深圳", "Shenzhen", Region.CHINA), 10, new City("广州", "Guangzhou", Region.CHINA), 7,
      new City("杭州", "Hangzhou", Region.CHINA), 6, new City("南京", "Nanjing", Region.CHINA), 5,
      new City("武汉", "Wuhan", Region.CHINA), 6, new City("成都", "Chengdu", Region.CHINA), 5,
      new City("西安", "Xi'an", Region.CHINA), 4, new City("西安", "Xian", Region.CHINA), 1);

  /** The overseas chapters' cities: Silicon Valley, Singapore, London. */
  private static final Pick<City> OVERSEAS_CHAPTER_CITIES = weights(
      new City(null, "San Francisco", Region.USA), 2, new City(null, "San Jose", Region.USA), 1.5,
      new City(null, "Palo Alto", Region.USA), 0.8, new City(null, "Mountain View", Region.USA), 0.8,
      new City(null, "Sunnyvale", Region.USA), 0.8, new City("新加坡", "Singapore", Region.SINGAPORE), 2.5,
      new City("伦敦", "London", Region.UK), 2);

  /** Domestic cities with no chapter. */
  private static final Pick<City> DOMESTIC_OTHER_CITIES = weights(
      new City("长沙", "Changsha", Region.CHINA), 6, new City("重庆", "Chongqing", Region.CHINA), 7,
      new City("苏州", "Suzhou", Region.CHINA), 7, new City("天津", "Tianjin", Region.CHINA), 6,
      new City("合肥", "Hefei", Region.CHINA), 4, new City("郑州", "Zhengzhou", Region.CHINA), 4,
      new City("济南", "Jinan", Region.CHINA), 3, new City("青岛", "Qingdao", Region.CHINA), 4,
      new City("厦门", "Xiamen", Region.CHINA), 3, new City("沈阳", "Shenyang", Region.CHINA), 3,
      new City("大连", "Dalian", Region.CHINA), 3, new City("昆明", "Kunming", Region.CHINA), 2,
      new City("宁波", "Ningbo", Region.CHINA), 3, new City("无锡", "Wuxi", Region.CHINA), 3,
      new City("福州", "Fuzhou", Region.CHINA), 2, new City("南昌", "Nanchang", Region.CHINA), 2,
      new City("石家庄", "Shijiazhuang", Region.CHINA), 2, new City("哈尔滨", "Harbin", Region.CHINA), 2,
      new City("东莞", "Dongguan", Region.CHINA), 3, new City("佛山", "Foshan", Region.CHINA), 3,
      new City("乌鲁木齐", "Urumqi", Region.CHINA), 1, new City("拉萨", "Lhasa", Region.CHINA), 0.3);

  /** Overseas cities with no chapter. */
  private static final Pick<City> OVERSEAS_OTHER_CITIES = weights(
      new City("东京", "Tokyo", Region.JAPAN), 3, new City("纽约", "New York", Region.USA), 4,
      new City("多伦多", "Toronto", Region.CANADA), 3, new City(null, "Vancouver", Region.CANADA), 2,
      new City(null, "Seattle", Region.USA), 3, new City(null, "Boston", Region.USA), 2,
      new City(null, "Los Angeles", Region.USA), 2, new City("悉尼", "Sydney", Region.AUSTRALIA), 2,
      new City(null, "Melbourne", Region.AUSTRALIA), 1.5, new City("香港", "Hong Kong", Region.HONG_KONG), 3,
      new City("首尔", "Seoul", Region.KOREA), 1, new City(null, "Berlin", Region.GERMANY), 1,
      new City("巴黎", "Paris", Region.FRANCE), 1);

  private static final String[] AREA_CODES = {"010", "021", "020", "0755", "0571", "025", "027", "028", "029",
      "0731", "023", "0512"};
  private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
      "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183",
      "185", "186", "187", "188", "189", "199"};

  private static final Pick<String> HONOURS = weights("杰出校友", 40, "优秀校友", 20, "全国劳动模范", 8,
      "全国五一劳动奖章", 8, "全国先进工作者", 4, "中国科学院院士", 1, "中国工程院院士", 1, "长江学者特聘教授", 3,
      "国家杰出青年科学基金获得者", 3, "全国优秀教师", 5, "国家科学技术进步奖", 4, "中国青年五四奖章", 3,
      "全国三八红旗手", 2);

  // ---- careers

  private record Industry(String name, String startupIndustry, String[] employers, String[] overseasEmployers,
      String[] titles, String[] juniorTitles, String[] englishTitles) {
  }

  private static String[] list(String s) {
    return s.isEmpty() ? new String[0] : s.split("\\|");
  }

  private static final Industry IT = new Industry("信息技术", "软件和信息技术服务业",
      list("华为技术有限公司|腾讯科技（深圳）有限公司|阿里巴巴（中国）有限公司|北京百度网讯科技有限公司|北京字节跳动科技有限公司"
          + "|京东集团|网易（杭州）网络有限公司|美团|小米科技有限责任公司|中兴通讯股份有限公司|联想集团|海康威视|科大讯飞"
          + "|中国移动通信集团有限公司|中国电信集团有限公司"),
      list("Google|Microsoft|Apple|Meta|NVIDIA|Amazon|Intel|Oracle|Salesforce"),
      list("软件工程师|高级工程师|算法工程师|产品经理|架构师|技术总监|测试工程师|项目经理|数据科学家|运维工程师"),
      list("软件工程师|算法工程师|测试工程师|产品助理|前端工程师"),
      list("Software Engineer|Senior Software Engineer|Staff Engineer|Product Manager|Data Scientist"
          + "|Engineering Manager|Research Scientist"));
  private static final Industry FINANCE = new Industry("金融", "资本市场服务",
      list("中国工商银行|中国建设银行|中国银行|中国农业银行|招商银行|交通银行|中信证券|中国国际金融股份有限公司"
          + "|中国平安保险（集团）股份有限公司|中国人寿保险股份有限公司|国泰君安证券|华夏基金管理有限公司|中国人民银行"),
      list("Goldman Sachs|Morgan Stanley|HSBC|DBS Bank|J.P. Morgan|Citibank|Standard Chartered|UBS"),
      list("分析师|客户经理|投资经理|风控经理|基金经理|支行行长|交易员|研究员|审计师|部门经理"),
      list("分析师|客户经理|柜员|管培生|研究助理"),
      list("Analyst|Associate|Vice President of Sales|Portfolio Manager|Risk Manager|Quant Researcher"));
  private static final Industry MANUFACTURING = new Industry("制造业", "智能制造",
      list("比亚迪股份有限公司|上海汽车集团股份有限公司|三一重工股份有限公司|珠海格力电器股份有限公司|美的集团"
          + "|潍柴动力股份有限公司|中国中车股份有限公司|宁德时代新能源科技股份有限公司|中国商用飞机有限责任公司"
          + "|徐工集团|海尔集团"),
      list("Siemens|Bosch|Tesla|Toyota|General Electric"),
      list("工程师|高级工程师|工艺工程师|研发工程师|质量经理|车间主任|生产经理|总工程师|采购经理"),
      list("工程师|工艺工程师|研发工程师|技术员"),
      list("Mechanical Engineer|Manufacturing Engineer|Quality Manager|R&D Engineer"));
  private static final Industry CONSTRUCTION = new Industry("建筑与房地产", "工程咨询",
      list("中国建筑集团有限公司|中国中铁股份有限公司|中国铁建股份有限公司|中国交通建设集团有限公司"
          + "|中国电力建设集团有限公司|万科企业股份有限公司|华东建筑设计研究院有限公司|中国建筑设计研究院"
          + "|上海隧道工程股份有限公司|碧桂园"),
      list("AECOM|Arup|Skanska|Bechtel"),
      list("结构工程师|项目经理|总工程师|建筑师|造价工程师|监理工程师|设计院院长|施工经理"),
      list("助理工程师|结构工程师|施工员|建筑师助理"),
      list("Structural Engineer|Project Manager|Architect"));
  private static final Industry ENERGY = new Industry("能源与化工", "新能源",
      list("中国石油化工集团有限公司|中国石油天然气集团有限公司|国家电网有限公司|中国海洋石油集团有限公司"
          + "|万华化学集团股份有限公司|巴斯夫（中国）有限公司|中国南方电网|国家能源投资集团|隆基绿能科技股份有限公司"),
      list("Shell|BASF|Dow|ExxonMobil"),
      list("工程师|高级工程师|研究员|工艺工程师|安全经理|厂长|技术总监"),
      list("工程师|技术员|研究助理"),
      list("Process Engineer|Research Chemist|Plant Manager"));
  private static final Industry HEALTH = new Industry("医疗卫生", "生物医药",
      list("北京协和医院|四川大学华西医院|上海交通大学医学院附属瑞金医院|中山大学附属第一医院|华中科技大学同济医学院附属同济医院"
          + "|浙江大学医学院附属第一医院|江苏省人民医院|江苏恒瑞医药股份有限公司|药明康德|迈瑞医疗|中国疾病预防控制中心"),
      list("Pfizer|Johnson & Johnson|Roche|Mayo Clinic|Singapore General Hospital"),
      list("医生|主治医师|副主任医师|主任医师|护士长|药剂师|研究员|科室主任|医药代表"),
      list("住院医师|护士|药剂师|医学助理"),
      list("Physician|Research Fellow|Clinical Scientist|Pharmacist"));
  private static final Industry LEGAL = new Industry("法律服务", "法律服务",
      list("北京市金杜律师事务所|北京市中伦律师事务所|北京市君合律师事务所|上海市锦天城律师事务所|北京市高级人民法院"
          + "|上海市第一中级人民法院|最高人民检察院|广东省人民检察院"),
      list("Baker McKenzie|Clifford Chance|Linklaters"),
      list("律师|高级律师|法官|检察官|法务经理|法务总监|仲裁员"),
      list("律师助理|实习律师|法官助理|书记员"),
      list("Associate|Counsel|Legal Manager"));
  private static final Industry EDUCATION = new Industry("教育与科研", "教育科技",
      list("清华大学|北京大学|浙江大学|复旦大学|上海交通大学|中国科学院计算技术研究所|中国科学院物理研究所"
          + "|中国科学院数学与系统科学研究院|北京市第四中学|华东师范大学第二附属中学|本校"),
      list("Stanford University|National University of Singapore|University of Toronto|Imperial College London"
          + "|The University of Tokyo"),
      list("教授|副教授|讲师|研究员|副研究员|教师|中学教师|博士后|系主任"),
      list("博士后|助教|教师|科研助理"),
      list("Professor|Associate Professor|Assistant Professor|Postdoctoral Fellow|Lecturer"));
  private static final Industry GOVERNMENT = new Industry("政府与公共事业", "公共服务",
      list("国家发展和改革委员会|财政部|商务部|海关总署|北京市人民政府|上海市人民政府|杭州市人民政府|深圳市科技创新委员会"
          + "|武汉市自然资源和规划局|成都市教育局"),
      list(""),
      list("科员|主任科员|副处长|处长|公务员|调研员|副局长"),
      list("科员|公务员|办事员"),
      list(""));
  private static final Industry MEDIA = new Industry("传媒与文化", "文化传媒",
      list("新华通讯社|人民日报社|中央广播电视总台|上海文化广播影视集团|人民出版社|南方报业传媒集团|湖南广播电视台"
          + "|哔哩哔哩|中信出版集团"),
      list("Reuters|BBC|The New York Times"),
      list("记者|编辑|主编|制片人|编导|策划|出版人"),
      list("记者|编辑|编导|运营专员"),
      list("Journalist|Editor|Producer"));
  private static final Industry CONSULTING = new Industry("咨询与专业服务", "企业管理咨询",
      list("麦肯锡（上海）咨询有限公司|德勤华永会计师事务所|普华永道中天会计师事务所|毕马威华振会计师事务所"
          + "|安永华明会计师事务所|埃森哲（中国）有限公司|波士顿咨询"),
      list("McKinsey & Company|Deloitte|PwC|KPMG|EY|Boston Consulting Group"),
      list("顾问|高级顾问|咨询经理|审计经理|注册会计师|总监"),
      list("咨询顾问|审计助理|分析员"),
      list("Consultant|Senior Consultant|Manager|Auditor"));

  /** Where partners work: law firms, auditors, venture capital. */
  private static final Pick<Industry> PARTNERSHIPS = weights(
      new Industry("法律服务", "法律服务", LEGAL.employers, LEGAL.overseasEmployers, LEGAL.titles, LEGAL.juniorTitles,
          LEGAL.englishTitles), 3,
      new Industry("咨询与专业服务", "企业管理咨询", CONSULTING.employers, CONSULTING.overseasEmployers, CONSULTING.titles,
          CONSULTING.juniorTitles, CONSULTING.englishTitles), 3,
      new Industry("投资", "投资", list("红杉资本中国基金|高瓴资本|IDG资本|启明创投|深创投|经纬创投|君联资本"),
          new String[0], new String[0], new String[0], new String[0]), 3);

  @SuppressWarnings("unchecked")
  private static final Pick<Industry>[] INDUSTRIES_BY_COLLEGE = new Pick[] {
      weights(IT, 70, FINANCE, 10, EDUCATION, 8, GOVERNMENT, 4, CONSULTING, 4, MANUFACTURING, 4), // cs
      weights(IT, 50, MANUFACTURING, 20, ENERGY, 10, EDUCATION, 8, GOVERNMENT, 4, FINANCE, 8), // ee
      weights(MANUFACTURING, 60, ENERGY, 10, IT, 10, CONSTRUCTION, 8, EDUCATION, 6, GOVERNMENT, 6), // me
      weights(CONSTRUCTION, 70, GOVERNMENT, 10, ENERGY, 6, EDUCATION, 6, CONSULTING, 4, FINANCE, 4), // civil
      weights(ENERGY, 50, MANUFACTURING, 15, HEALTH, 12, EDUCATION, 13, GOVERNMENT, 5, CONSULTING, 5), // chem
      weights(IT, 30, FINANCE, 30, EDUCATION, 25, CONSULTING, 8, GOVERNMENT, 7), // math
      weights(EDUCATION, 30, IT, 25, MANUFACTURING, 15, ENERGY, 15, FINANCE, 10, GOVERNMENT, 5), // phys
      weights(FINANCE, 55, GOVERNMENT, 15, CONSULTING, 15, EDUCATION, 7, IT, 8), // econ
      weights(FINANCE, 30, CONSULTING, 25, IT, 20, MANUFACTURING, 10, GOVERNMENT, 8, MEDIA, 7), // mgmt
      weights(LEGAL, 65, GOVERNMENT, 20, FINANCE, 8, CONSULTING, 4, EDUCATION, 3), // law
      weights(MEDIA, 40, EDUCATION, 35, GOVERNMENT, 15, IT, 6, CONSULTING, 4), // lit
      weights(HEALTH, 85, EDUCATION, 8, GOVERNMENT, 4, CONSULTING, 3), // med
  };

  private static final String[] EXECUTIVE_TITLES = {"CEO", "总经理", "董事长", "总裁", "CFO", "CTO", "President",
      "Chairman", "首席执行官兼总经理", "董事长兼总裁", "执行总裁"};
  private static final String[] FOUNDER_TITLES = {"Founder", "创始人", "创始人兼CEO", "Co-Founder & CEO", "联合创始人",
      "董事长", "Founder & CTO"};
  private static final String[] PARTNER_TITLES = {"Partner", "合伙人", "高级合伙人", "Managing Partner", "管理合伙人",
      "创始合伙人"};
  private static final String[] STARTUP_PLACES = {"北京", "上海", "深圳", "杭州", "苏州", "成都", "武汉", "南京"};
  private static final String[] STARTUP_A = {"云", "智", "数", "星", "海", "华", "芯", "启", "蓝", "优", "恒", "鼎",
      "未来", "天"};
  private static final String[] STARTUP_B = {"图", "联", "创", "辰", "途", "源", "擎", "帆", "行", "盛", "科", "汇"};
  private static final String[] STARTUP_TRADES = {"智能科技", "信息技术", "生物科技", "新能源科技", "投资管理", "教育科技",
      "网络科技", "医疗器械", "环保科技", "材料科技"};
  private static final String[] STARTUP_EN_A = {"Blue", "Bright", "Deep", "Nova", "Quantum", "Silver", "Golden",
      "Bamboo", "Dragon", "Open"};
  private static final String[] STARTUP_EN_B = {"bridge", "wave", "stone", "path", "leaf", "gate", "mind", "cloud"};
  private static final String[] STARTUP_EN_SUFFIX = {" Inc.", " Labs", " Technologies", " Capital", " Pte. Ltd.",
      " Ltd."};

  // ---- giving

  private static final Pick<String> FUNDS = new Pick<>(FUND_MIX);
  /** Large gifts go mostly to scholarships, disciplines and the general fund. */
  private static final Pick<String> MAJOR_FUNDS = weights("scholarship", 40, "discipline", 30, "general", 20,
      "library", 5, "green-campus", 5);
  private static final Pick<Long> MAJOR_AMOUNTS = weights(10_000L, 40, 20_000L, 20, 30_000L, 8, 50_000L, 15,
      100_000L, 10, 200_000L, 4, 500_000L, 3);
  private static final long[] MEGA_MULTIPLES = {1, 1, 1, 2, 3, 5, 10};
  private static final int[] MONTHLY_AMOUNTS = {20, 50, 50, 100, 100, 100, 200, 200, 300, 500};
  private static final long[] LUCKY_CENTS = {6666, 8888, 9999, 12800, 16800, 18800, 52000, 66600, 88800, 131400,
      188800};
  private static final Pick<String> SMALL_CHANNELS = weights("ONLINE", 68, "BANK_TRANSFER", 20, "CASH", 3,
      "CHEQUE", 1, "", 8);
  private static final Pick<String> MIDDLE_CHANNELS = weights("BANK_TRANSFER", 68, "ONLINE", 16, "CHEQUE", 8,
      "IN_KIND", 3, "STOCK", 1, "", 4);
  private static final Pick<String> LARGE_CHANNELS = weights("BANK_TRANSFER", 72, "STOCK", 10, "CHEQUE", 9,
      "IN_KIND", 9);
}
