package edu.alumni.engine.gift;

import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.FieldValues;
import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.csv.ImportRejectedException;
import edu.alumni.engine.csv.ImportReport;
import edu.alumni.rules.process.DonationStewardship;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one gift and starts its stewardship, in one transaction: a gift never exists without its process, nor a
 * process without its gift. Idempotent by gift reference: the same gift again changes nothing.
 */
@Service
public class GiftRecordingService {

  /** JSON field → gifts.csv column, so the API holds gifts to the import's rules. */
  private static final Map<String, String> FIELDS = Map.of("giftRef", "gift_ref", "studentNo", "student_no",
      "amountCny", "amount_cny", "giftDate", "gift_date", "fundCode", "fund_code", "channel", "channel");

  private final GiftMapper gifts;
  private final AlumnusMapper alumni;
  private final Catalogue catalogue;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final Clock clock;

  public GiftRecordingService(GiftMapper gifts, AlumnusMapper alumni, Catalogue catalogue, RuntimeService runtime,
      HistoryService history, Clock clock) {
    this.gifts = gifts;
    this.alumni = alumni;
    this.catalogue = catalogue;
    this.runtime = runtime;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Records the gift for the signed-in {@code recordedBy}. The engine is not told who that is: a Camunda user on the
   * start would subject it to their engine grants (finance staff may not start instances by hand), so the user is a
   * start variable, which the audit shows as the one who started the instance.
   */
  @Transactional
  public RecordedGift record(GiftRequest request, String recordedBy) {
    Gift gift = validate(request);
    String businessKey = String.format(DonationStewardship.BUSINESS_KEY_FORMAT, gift.giftRef());
    // stored first, checked after: a new gift (the usual case) costs no reads, and a gift posted twice at the same
    // moment waits on the key for the first one, then answers as a repeat
    try {
      gifts.insertGift(gift);
    } catch (DuplicateKeyException storedAlready) {
      return repeat(gift, businessKey);
    } catch (DataIntegrityViolationException refused) {
      // the fund is a known one (validate): the other reference a gift has is its alumnus
      if (alumni.selectByStudentNo(gift.studentNo()) == null) {
        throw rejected(new ImportError(null, "studentNo", "no alumnus with student_no " + gift.studentNo()
            + " is in the registry; import the alumnus first"));
      }
      throw refused;
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(DonationStewardship.PROCESS_KEY)
        .businessKey(businessKey)
        .setVariable(DonationStewardship.VAR_GIFT_REF, gift.giftRef())
        .setVariable(DonationStewardship.VAR_RECORDED_BY, recordedBy)
        .execute();
    return new RecordedGift(gift, instance.getId(), businessKey, true);
  }

  /** The gift is stored already: the same values are a repeat (its instance, nothing new), others a conflict. */
  private RecordedGift repeat(Gift gift, String businessKey) {
    Gift stored = gifts.selectByGiftRef(gift.giftRef());
    if (!stored.sameValuesAs(gift)) {
      throw new GiftConflictException(stored);
    }
    // running or ended; none for a gift that came in through the historical import
    HistoricProcessInstance existing = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DonationStewardship.PROCESS_KEY).processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
    return new RecordedGift(stored, existing == null ? null : existing.getId(), businessKey, false);
  }

  private Gift validate(GiftRequest request) {
    if (request == null) {
      throw rejected(new ImportError(null, null, "send the gift as JSON: {giftRef, studentNo, amountCny, "
          + "giftDate, fundCode, channel}"));
    }
    Map<String, String> values = new HashMap<>();
    values.put("gift_ref", request.giftRef());
    values.put("student_no", request.studentNo());
    values.put("amount_cny", request.amountCny());
    values.put("gift_date", request.giftDate());
    values.put("fund_code", request.fundCode());
    values.put("channel", request.channel());
    Map<String, String> fieldByColumn = new HashMap<>();
    FIELDS.forEach((field, column) -> fieldByColumn.put(column, field));
    FieldValues row = new FieldValues(values, fieldByColumn);
    Gift gift = GiftCsvFormat.parseValues(row, catalogue, LocalDate.now(clock));
    if (gift == null) {
      throw new ImportRejectedException(new ImportReport(0, null, null, null, 1, row.errors().size(), row.errors()),
          "The gift is not valid; nothing was recorded. Correct the fields listed in errors.");
    }
    return gift;
  }

  private static ImportRejectedException rejected(ImportError error) {
    return new ImportRejectedException(new ImportReport(0, null, null, null, 1, 1, List.of(error)),
        "The gift is not valid; nothing was recorded. " + error.message() + ".");
  }
}
