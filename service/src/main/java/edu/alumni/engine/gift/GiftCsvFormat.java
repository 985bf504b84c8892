package edu.alumni.engine.gift;

import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.CsvImportFormat;
import edu.alumni.engine.csv.CsvRow;
import edu.alumni.engine.csv.ImportCounts;
import edu.alumni.engine.csv.RowValues;
import edu.alumni.engine.csv.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** gifts.csv of DATA.md: insert-only by gift_ref; a stored gift is never changed by an import. */
public final class GiftCsvFormat implements CsvImportFormat<Gift> {

  public static final List<String> COLUMNS = List.of("gift_ref", "student_no", "amount_cny", "gift_date", "fund_code",
      "channel");
  public static final Set<String> REQUIRED = Set.of("gift_ref", "student_no", "amount_cny", "gift_date", "fund_code");
  static final Set<String> CHANNELS = Set.of("ONLINE", "BANK_TRANSFER", "CHEQUE", "CASH", "STOCK", "IN_KIND");

  private static final Pattern GIFT_REF = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");
  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private final Catalogue catalogue;
  private final LocalDate today;
  private final AlumnusMapper alumni;
  private final GiftMapper gifts;
  private final GiftMapper writer;
  /** Line of the first occurrence of each gift_ref in this file (validation only). */
  private Map<String, Long> seen = new HashMap<>();

  GiftCsvFormat(Catalogue catalogue, LocalDate today, AlumnusMapper alumni, GiftMapper gifts, GiftMapper writer) {
    this.catalogue = catalogue;
    this.today = today;
    this.alumni = alumni;
    this.gifts = gifts;
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
  public Gift parse(CsvRow row) {
    return parseValues(row, catalogue, today);
  }

  /**
   * The rules of one gift row, for a CSV row or the fields of {@code POST /api/gifts}: the gift, or null with the
   * row's errors recorded. The checks against stored data (the alumnus, an earlier gift) are {@link #check}'s.
   */
  static Gift parseValues(RowValues row, Catalogue catalogue, LocalDate today) {
    String giftRef = Values.key(Values.required(row, "gift_ref"));
    if (giftRef != null && !GIFT_REF.matcher(giftRef).matches()) {
      row.reject("gift_ref", "gift_ref must be 1 to 40 letters, digits, '.', '_' or '-', not '" + giftRef + "'");
    }
    String studentNo = Values.key(Values.required(row, "student_no"));
    BigDecimal amount = amount(row);
    LocalDate giftDate = giftDate(row, today);
    String fund = Values.required(row, "fund_code");
    if (fund != null) {
      fund = fund.toLowerCase(Locale.ROOT);
      if (!catalogue.funds().containsKey(fund)) {
        row.reject("fund_code", "unknown fund '" + row.value("fund_code") + "'; use one of "
            + String.join(", ", catalogue.funds().keySet()));
      }
    }
    String channel = row.value("channel");
    if (channel != null) {
      channel = channel.toUpperCase(Locale.ROOT);
      if (!CHANNELS.contains(channel)) {
        row.reject("channel", "channel must be one of ONLINE, BANK_TRANSFER, CHEQUE, CASH, STOCK, IN_KIND or "
            + "empty, not '" + row.value("channel") + "'");
      }
    }
    if (row.hasErrors()) {
      return null;
    }
    return new Gift(giftRef, studentNo, amount, giftDate, fund, channel);
  }

  private static BigDecimal amount(RowValues row) {
    String v = Values.required(row, "amount_cny");
    if (v == null) {
      return null;
    }
    if (!DECIMAL.matcher(v).matches()) {
      row.reject("amount_cny", "amount_cny must be a number such as 1500 or 1500.50 (no currency sign, no "
          + "thousands separators), not '" + v + "'");
      return null;
    }
    BigDecimal amount = new BigDecimal(v);
    if (amount.signum() <= 0) {
      row.reject("amount_cny", "amount_cny must be greater than 0, not " + v);
    } else if (amount.stripTrailingZeros().scale() > 2) {
      row.reject("amount_cny", "amount_cny has more than 2 decimals: " + v);
    } else if (amount.compareTo(MAX_AMOUNT) > 0) {
      row.reject("amount_cny", "amount_cny " + v + " is more than the maximum of 10,000,000,000");
    } else {
      return amount.setScale(2);
    }
    return null;
  }

  private static LocalDate giftDate(RowValues row, LocalDate today) {
    String v = Values.required(row, "gift_date");
    if (v == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(v, ISO_DATE);
      if (date.isAfter(today)) {
        row.reject("gift_date", "gift_date " + v + " is in the future (today is " + today + ")");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      row.reject("gift_date", "gift_date must be a date written yyyy-MM-dd, such as 2024-09-10, not '" + v + "'");
      return null;
    }
  }

  @Override
  public void check(List<Parsed<Gift>> chunk) {
    Set<String> studentNos = new HashSet<>();
    Set<String> giftRefs = new HashSet<>();
    for (Parsed<Gift> p : chunk) {
      String giftRef = Values.key(p.row().value("gift_ref"));
      if (giftRef != null && GIFT_REF.matcher(giftRef).matches()) {
        Long first = seen.putIfAbsent(giftRef, p.row().line());
        if (first != null) {
          p.row().reject("gift_ref", "gift_ref " + giftRef + " already appears on line " + first
              + "; each gift may appear once per file");
          continue;
        }
      }
      if (p.value() != null) {
        studentNos.add(p.value().studentNo());
        giftRefs.add(p.value().giftRef());
      }
    }
    if (giftRefs.isEmpty()) {
      return;
    }
    Set<String> knownAlumni = new HashSet<>(alumni.selectExistingStudentNos(studentNos));
    Map<String, Gift> stored = gifts.selectByGiftRefs(giftRefs).stream()
        .collect(Collectors.toMap(Gift::giftRef, Function.identity()));
    for (Parsed<Gift> p : chunk) {
      Gift gift = p.value();
      if (gift == null || p.row().hasErrors()) {
        continue;
      }
      if (!knownAlumni.contains(gift.studentNo())) {
        p.row().reject("student_no", "no alumnus with student_no " + gift.studentNo()
            + " is in the registry; import the alumnus first");
        continue;
      }
      Gift old = stored.get(gift.giftRef());
      if (old != null) {
        if (old.sameValuesAs(gift)) {
          p.skip();
        } else {
          p.row().reject("gift_ref", "gift_ref " + gift.giftRef() + " is already stored with other values ("
              + describe(old) + "); a stored gift is never changed by an import: use a new gift_ref or correct "
              + "this row");
        }
      }
    }
  }

  private static String describe(Gift g) {
    return "student_no " + g.studentNo() + ", amount_cny " + g.amountCny().toPlainString() + ", gift_date "
        + g.giftDate() + ", fund_code " + g.fundCode() + (g.channel() == null ? "" : ", channel " + g.channel());
  }

  @Override
  public void validated() {
    seen = null;
  }

  @Override
  public void write(List<Gift> rows, ImportCounts counts) {
    for (Gift gift : rows) {
      writer.insertGift(gift);
      counts.imported++;
    }
    writer.flushStatements();
  }
}
