package edu.alumni.engine.reunion;

import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.csv.ImportRejectedException;
import edu.alumni.engine.csv.ImportReport;
import edu.alumni.engine.csv.Values;
import edu.alumni.engine.system.EngineTime;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.rules.process.ReunionPlanning;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RSVPs of invited alumni until the RSVP deadline; the last answer wins. The head count (attending alumni and their
 * guests) is kept on the instance for confirmLogistics.
 */
@Service
public class RsvpService {

  static final int MAX_GUESTS = 10;

  private final ReunionMapper reunions;
  private final RuntimeService runtime;
  private final Clock clock;

  public RsvpService(ReunionMapper reunions, RuntimeService runtime, Clock clock) {
    this.reunions = reunions;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Records the answer, entered by the signed-in {@code answeredBy}; returns the reunion's head count after it. */
  @Transactional
  public int answer(String businessKey, RsvpRequest request, String answeredBy) {
    List<ImportError> errors = new ArrayList<>();
    if (request == null || request.studentNo() == null || request.studentNo().isBlank()) {
      errors.add(new ImportError(null, "studentNo", "studentNo is required"));
    }
    if (request == null || request.attending() == null) {
      errors.add(new ImportError(null, "attending", "attending is required (true or false)"));
    }
    int guests = request == null || request.guests() == null ? 0 : request.guests();
    if (guests < 0 || guests > MAX_GUESTS) {
      errors.add(new ImportError(null, "guests", "guests must be between 0 and " + MAX_GUESTS + ", not " + guests));
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(new ImportReport(0, null, null, null, 1, errors.size(), errors),
          "The RSVP is not valid; nothing was recorded.");
    }
    ProcessInstance reunion = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ReunionPlanning.PROCESS_KEY).processInstanceBusinessKey(businessKey).singleResult();
    if (reunion == null) {
      throw new NotFoundException("There is no running reunion " + businessKey + ".");
    }
    String studentNo = Values.key(request.studentNo().strip());
    if (reunions.selectInvitation(businessKey, studentNo) == null) {
      throw new NotFoundException("Alumnus " + studentNo + " is not invited to " + businessKey
          + "; only invited alumni can answer.");
    }
    Object deadline = runtime.getVariable(reunion.getId(), ReunionPlanning.VAR_RSVP_DEADLINE);
    if (deadline instanceof Date d && ClockUtil.getCurrentTime().after(d)) {
      throw new RsvpClosedException(businessKey, d);
    }
    // the engine's time, as the deadline was checked on: an answer accepted at the deadline is recorded at it
    reunions.updateRsvp(businessKey, studentNo, request.attending(), request.attending() ? guests : 0,
        EngineTime.now(clock.getZone()), answeredBy);
    int headCount = reunions.selectHeadCount(businessKey);
    runtime.setVariable(reunion.getId(), ReunionPlanning.VAR_HEAD_COUNT, headCount);
    return headCount;
  }
}
