package edu.alumni.engine.alumni;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.CsvImportFormat;
import edu.alumni.engine.csv.CsvRow;
import edu.alumni.engine.csv.ImportCounts;
import edu.alumni.engine.csv.Values;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** alumni.csv of DATA.md: validation, and upsert by student_no that tells new, changed and unchanged rows apart. */
public final class AlumniCsvFormat implements CsvImportFormat<Alumnus> {

  public static final List<String> COLUMNS = List.of("student_no", "name", "gender", "college", "major", "degree",
      "enrollment_year", "graduation_year", "class_name", "city", "country", "employer", "industry", "job_title",
      "email", "phone", "honors", "consent_contact", "consent_fundraising", "deceased");
  public static final Set<String> REQUIRED = Set.of("student_no", "name", "college", "degree", "graduation_year");

  private static final Pattern STUDENT_NO = Pattern.compile("[A-Za-z0-9-]{4,20}");
  /** DATA.md's e-mail rule, for every place that accepts an alumnus' e-mail. */
  public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** DATA.md's phone rule, applied after removing spaces and '-'. */
  public static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
  private static final Set<String> DEGREES = Set.of("BACHELOR", "MASTER", "DOCTOR");
  private static final int EMAIL_MAX = 254;

  private final Catalogue catalogue;
  private final int currentYear;
  /** Where each student number was first seen in this file (validation only). */
  private Map<String, Long> seen = new HashMap<>();
  private final AlumnusMapper writer;
  /** Nothing was stored when the import began: every valid row is new (a file repeats no student number). */
  private final boolean registryEmpty;
  /** Optional columns the file does not have: an upsert keeps their stored values. */
  private Set<String> absentColumns;

  AlumniCsvFormat(Catalogue catalogue, Year currentYear, AlumnusMapper writer, boolean registryEmpty) {
    this.registryEmpty = registryEmpty;
    this.catalogue = catalogue;
    this.currentYear = currentYear.getValue();
    this.writer = writer;
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public Set<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public Alumnus parse(CsvRow row) {
    if (absentColumns == null) {
      absentColumns = COLUMNS.stream().filter(c -> !row.hasColumn(c)).collect(Collectors.toUnmodifiableSet());
    }
    String studentNo = Values.key(Values.required(row, "student_no"));
    if (studentNo != null && !STUDENT_NO.matcher(studentNo).matches()) {
      row.reject("student_no", "student_no must be 4 to 20 letters, digits or '-', not '" + studentNo + "'");
    }
    String name = Values.required(row, "name");
    if (name != null) {
      Values.text(row, "name", 64);
    }
    String gender = row.value("gender");
    if (gender != null) {
      gender = gender.toUpperCase(Locale.ROOT);
      if (!gender.equals("M") && !gender.equals("F")) {
        row.reject("gender", "gender must be M, F or empty, not '" + row.value("gender") + "'");
      }
    }
    String college = Values.required(row, "college");
    if (college != null) {
      college = college.toLowerCase(Locale.ROOT);
      if (!catalogue.colleges().containsKey(college)) {
        row.reject("college", "unknown college '" + row.value("college") + "'; use one of "
            + String.join(", ", catalogue.colleges().keySet()));
      }
    }
    String major = Values.text(row, "major", 64);
    String degree = Values.required(row, "degree");
    if (degree != null) {
      degree = degree.toUpperCase(Locale.ROOT);
      if (!DEGREES.contains(degree)) {
        row.reject("degree", "degree must be BACHELOR, MASTER or DOCTOR, not '" + row.value("degree") + "'");
      }
    }
    Integer enrollmentYear = Values.year(row, "enrollment_year", 1900, currentYear);
    Integer graduationYear = null;
    if (Values.required(row, "graduation_year") != null) {
      graduationYear = Values.year(row, "graduation_year", 1900, currentYear);
    }
    if (enrollmentYear != null && graduationYear != null && graduationYear < enrollmentYear) {
      row.reject("graduation_year", "graduation_year " + graduationYear + " is before enrollment_year "
          + enrollmentYear);
    }
    String className = Values.text(row, "class_name", 64);
    String city = Values.text(row, "city", 64);
    String country = Values.text(row, "country", 64);
    String employer = Values.text(row, "employer", 128);
    String industry = Values.text(row, "industry", 128);
    String jobTitle = Values.text(row, "job_title", 128);
    String email = row.value("email");
    if (email != null) {
      if (!EMAIL.matcher(email).matches()) {
        row.reject("email", "email '" + email + "' is not an e-mail address (name@domain.tld)");
      } else if (email.length() > EMAIL_MAX) {
        row.reject("email", "email is longer than " + EMAIL_MAX + " characters");
      }
    }
    String phone = row.value("phone");
    if (phone != null) {
      String digits = phone.replace(" ", "").replace("-", "");
      if (!PHONE.matcher(digits).matches()) {
        row.reject("phone", "phone '" + phone + "' must be 7 to 15 digits, optionally with a leading + "
            + "(spaces and '-' are allowed between them)");
      }
      phone = digits;
    }
    String honors = Values.text(row, "honors", 512);
    boolean consentContact = Values.flag(row, "consent_contact");
    boolean consentFundraising = Values.flag(row, "consent_fundraising");
    boolean deceased = Values.flag(row, "deceased");
    if (row.hasErrors()) {
      return null;
    }
    return new Alumnus(studentNo, name, gender, college, major, degree, enrollmentYear, graduationYear, className,
        city, catalogue.chapterOf(city).orElse(null), country, employer, industry, jobTitle, email, phone, honors,
        consentContact, consentFundraising, deceased);
  }

  @Override
  public void check(List<Parsed<Alumnus>> chunk) {
    for (Parsed<Alumnus> p : chunk) {
      String studentNo = Values.key(p.row().value("student_no"));
      if (studentNo == null || !STUDENT_NO.matcher(studentNo).matches()) {
        continue;
      }
      Long first = seen.putIfAbsent(studentNo, p.row().line());
      if (first != null) {
        p.row().reject("student_no", "student_no " + studentNo + " already appears on line " + first
            + "; each alumnus may appear once per file");
      }
    }
  }

  @Override
  public void validated() {
    seen = null;
  }

  /** The row with the stored values of the columns the file does not have. */
  private Alumnus keepAbsent(Alumnus n, Alumnus o) {
    if (absentColumns.isEmpty()) {
      return n;
    }
    boolean cityAbsent = absentColumns.contains("city");
    return new Alumnus(n.studentNo(), n.name(), pick("gender", n.gender(), o.gender()), n.collegeCode(),
        pick("major", n.major(), o.major()), n.degree(), pick("enrollment_year", n.enrollmentYear(),
        o.enrollmentYear()), n.graduationYear(), pick("class_name", n.className(), o.className()),
        cityAbsent ? o.city() : n.city(), cityAbsent ? o.chapterCode() : n.chapterCode(),
        pick("country", n.country(), o.country()), pick("employer", n.employer(), o.employer()),
        pick("industry", n.industry(), o.industry()), pick("job_title", n.jobTitle(), o.jobTitle()),
        pick("email", n.email(), o.email()), pick("phone", n.phone(), o.phone()),
        pick("honors", n.honors(), o.honors()), pick("consent_contact", n.consentContact(), o.consentContact()),
        pick("consent_fundraising", n.consentFundraising(), o.consentFundraising()),
        pick("deceased", n.deceased(), o.deceased()));
  }

  private <T> T pick(String column, T given, T stored) {
    return absentColumns.contains(column) ? stored : given;
  }

  @Override
  public void write(List<Alumnus> rows, ImportCounts counts) {
    if (registryEmpty) {
      rows.forEach(writer::insertAlumnus);
      writer.flushStatements();
      counts.imported += rows.size();
      return;
    }
    Map<String, Alumnus> stored = writer.selectByStudentNos(rows.stream().map(Alumnus::studentNo).toList())
        .stream().collect(Collectors.toMap(Alumnus::studentNo, Function.identity()));
    List<Alumnus> changed = new ArrayList<>();
    for (Alumnus given : rows) {
      Alumnus old = stored.get(given.studentNo());
      Alumnus row = old == null ? given : keepAbsent(given, old);
      if (old == null) {
        writer.insertAlumnus(row);
        counts.imported++;
      } else if (old.equals(row)) {
        counts.unchanged++;
      } else {
        changed.add(row);
      }
    }
    for (Alumnus row : changed) {
      writer.updateAlumnus(row);
      counts.updated++;
    }
    writer.flushStatements();
  }
}
