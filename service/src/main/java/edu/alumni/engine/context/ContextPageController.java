package edu.alumni.engine.context;

import static edu.alumni.engine.system.StaffGroups.ADMINS;
import static edu.alumni.engine.system.StaffGroups.AUDITORS;
import static edu.alumni.engine.system.StaffGroups.COORDINATORS;
import static edu.alumni.engine.system.StaffGroups.MANAGERS;

import edu.alumni.engine.alumni.AlumniFilter;
import edu.alumni.engine.alumni.AlumniQueryService;
import edu.alumni.engine.alumni.AlumnusDetail;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.Values;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.reunion.Invitation;
import edu.alumni.engine.reunion.ReunionMapper;
import edu.alumni.engine.segment.SegmentQueryService;
import edu.alumni.engine.stewardship.GiftClassificationRow;
import edu.alumni.engine.stewardship.StewardshipMapper;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.engine.visit.ContactReportMapper;
import edu.alumni.engine.visit.ContactReportRow;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The context a coordinator needs beside a task, read from the registry by the identifier the process carries
 * (the forms link here): an alumnus, a gift, a reunion cohort. Plain HTML for the signed-in Tasklist user; personal
 * data is shown from the registry each time, never copied into the process.
 */
@RestController
class ContextPageController {

  static final Set<String> READERS = Set.of(COORDINATORS, MANAGERS, AUDITORS, ADMINS);

  private final ContextAccess access;
  private final AlumniQueryService alumni;
  private final AlumnusMapper alumnusMapper;
  private final GiftMapper gifts;
  private final StewardshipMapper stewardship;
  private final ContactReportMapper reports;
  private final ReunionMapper reunions;
  private final Catalogue catalogue;

  ContextPageController(ContextAccess access, AlumniQueryService alumni, AlumnusMapper alumnusMapper,
      GiftMapper gifts, StewardshipMapper stewardship, ContactReportMapper reports, ReunionMapper reunions,
      Catalogue catalogue) {
    this.access = access;
    this.alumni = alumni;
    this.alumnusMapper = alumnusMapper;
    this.gifts = gifts;
    this.stewardship = stewardship;
    this.reports = reports;
    this.reunions = reunions;
    this.catalogue = catalogue;
  }

  @GetMapping(path = "/context/alumni/{studentNo}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> alumnus(@PathVariable String studentNo, HttpServletRequest request) {
    return access.check(request, READERS).orElseGet(() -> {
      AlumnusDetail d;
      try {
        d = alumni.findDetail(studentNo);
      } catch (NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", "<p>" + esc(e.getMessage()) + "</p>");
      }
      var a = d.alumnus();
      Html h = new Html();
      h.h1(a.name() + " · " + a.studentNo());
      h.table(new String[][] {
          {"College", d.collegeName() + " (" + a.collegeCode() + ")"},
          {"Degree, class", a.degree() + ", " + a.graduationYear() + (a.className() == null ? "" : ", " + a.className())},
          {"Major", a.major()},
          {"City / chapter", join(a.city(), d.chapterName())},
          {"Employer, title", join(a.employer(), a.jobTitle())},
          {"E-mail / phone", join(a.email(), a.phone())},
          {"Consent", "contact " + yesNo(a.consentContact()) + ", fundraising " + yesNo(a.consentFundraising())
              + (a.deceased() ? " · deceased" : "")},
          {"Honours", a.honors()},
          {"Giving", d.giving().giftCount() + " gifts, " + d.giving().lifetimeGivingCny().toPlainString()
              + " CNY lifetime" + (d.giving().lastGiftDate() == null ? "" : ", last " + d.giving().lastGiftDate())},
          {"Last visit", d.visits().lastVisitDate() == null ? "none" : d.visits().lastVisitDate().toString()}});
      h.h2("Segments (why)");
      h.rows(new String[] {"Segment", "Rule", "Facts"}, d.segments().stream()
          .map(s -> new String[] {s.code(), s.rule(), s.facts()}).toList());
      h.h2("Recent gifts");
      h.rows(new String[] {"Gift", "Date", "Amount (CNY)", "Fund"}, d.recentGifts().stream()
          .map(g -> new String[] {link("/context/gifts/" + g.giftRef(), g.giftRef()), g.giftDate().toString(),
              g.amountCny().toPlainString(), g.fundCode()}).toList());
      h.h2("Contact reports");
      List<ContactReportRow> visits = reports.selectByStudentNo(a.studentNo());
      h.rows(new String[] {"Visit", "Method", "Visitors", "Learned", "Interests"}, visits.stream()
          .map(r -> new String[] {r.visitDate().toString(), r.contactMethod(), r.visitors(), r.learned(),
              r.interests()}).toList());
      h.h2("Reunion invitations");
      h.rows(new String[] {"Reunion", "Invited", "Answer"}, reunions.selectInvitationsOfStudent(a.studentNo())
          .stream().map(i -> new String[] {i.businessKey(), i.invitedAt().toLocalDate().toString(), answer(i)})
          .toList());
      return page(HttpStatus.OK, a.name(), h.toString());
    });
  }

  @GetMapping(path = "/context/gifts/{giftRef}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> gift(@PathVariable String giftRef, HttpServletRequest request) {
    return access.check(request, READERS).orElseGet(() -> {
      Gift g = gifts.selectByGiftRef(Values.key(giftRef));
      if (g == null) {
        return page(HttpStatus.NOT_FOUND, "Not found", "<p>No gift " + esc(giftRef) + " is recorded.</p>");
      }
      GiftClassificationRow c = stewardship.selectClassification(g.giftRef());
      var fund = catalogue.funds().get(g.fundCode());
      Html h = new Html();
      h.h1("Gift " + g.giftRef());
      h.table(new String[][] {
          {"Donor", link("/context/alumni/" + g.studentNo(), g.studentNo())},
          {"Amount", g.amountCny().toPlainString() + " CNY"},
          {"Date", g.giftDate().toString()},
          {"Fund", fund.name() + " (" + fund.code() + ", " + (fund.restricted() ? "restricted" : "unrestricted") + ")"},
          {"Channel", g.channel()},
          {"Tier", c == null ? "not classified (imported history)" : c.tier()},
          {"Agreement", c == null ? null : c.agreementRequired() ? "required" : "not required"},
          {"Decided by", c == null ? null : c.ruleName() + " · " + c.facts() + " · " + c.rulesetVersion()}});
      return page(HttpStatus.OK, "Gift " + g.giftRef(), h.toString());
    });
  }

  @GetMapping(path = "/context/reunions/{college}/{graduationYear}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> cohort(@PathVariable String college, @PathVariable int graduationYear,
      HttpServletRequest request) {
    return access.check(request, READERS).orElseGet(() -> {
      var c = catalogue.colleges().get(college);
      if (c == null) {
        return page(HttpStatus.NOT_FOUND, "Not found", "<p>No college " + esc(college) + ".</p>");
      }
      long size = alumnusMapper.countMatching(new AlumniFilter(college, graduationYear, null));
      int contactable = reunions.selectContactableCohort(college, graduationYear).size();
      List<Invitation> invitations = reunions.selectInvitationsByKeyPrefix(
          "reunion-" + college + "-" + graduationYear + "-");
      long attending = invitations.stream().filter(i -> Boolean.TRUE.equals(i.attending())).count();
      long guests = invitations.stream().filter(i -> Boolean.TRUE.equals(i.attending()))
          .mapToLong(i -> i.guests() == null ? 0 : i.guests()).sum();
      Html h = new Html();
      h.h1(c.name() + " · class of " + graduationYear);
      h.table(new String[][] {
          {"Alumni in the class", String.valueOf(size)},
          {"Contactable", String.valueOf(contactable)},
          {"Invited", String.valueOf(invitations.size())},
          {"Attending (with guests)", attending + " (" + (attending + guests) + ")"},
          {"Answered no", String.valueOf(invitations.stream().filter(i -> Boolean.FALSE.equals(i.attending()))
              .count())}});
      return page(HttpStatus.OK, c.name() + " " + graduationYear, h.toString());
    });
  }

  private static String answer(Invitation i) {
    if (i.attending() == null) {
      return "no answer";
    }
    return i.attending() ? "attending, " + (i.guests() == null ? 0 : i.guests()) + " guests" : "not attending";
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " · " + b;
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Marks a cell as already-built HTML. */
  private static String link(String href, String text) {
    return "\u0000<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
  }

  static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title><style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}"
        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        + "text-align:left;vertical-align:top}th{background:#f4f4f4}</style></head><body>" + body
        + "</body></html>";
    return ResponseEntity.status(status).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }

  /** A small HTML builder that escapes every text it is given. */
  private static final class Html {
    private final StringBuilder b = new StringBuilder();

    void h1(String text) {
      b.append("<h1>").append(esc(text)).append("</h1>");
    }

    void h2(String text) {
      b.append("<h2>").append(esc(text)).append("</h2>");
    }

    void table(String[][] rows) {
      b.append("<table>");
      for (String[] row : rows) {
        b.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(cell(row[1])).append("</td></tr>");
      }
      b.append("</table>");
    }

    void rows(String[] head, List<String[]> rows) {
      if (rows.isEmpty()) {
        b.append("<p>none</p>");
        return;
      }
      b.append("<table><tr>");
      for (String h : head) {
        b.append("<th>").append(esc(h)).append("</th>");
      }
      b.append("</tr>");
      for (String[] row : rows) {
        b.append("<tr>");
        for (String cell : row) {
          b.append("<td>").append(cell(cell)).append("</td>");
        }
        b.append("</tr>");
      }
      b.append("</table>");
    }

    private static String cell(String s) {
      return s != null && s.startsWith("\u0000") ? s.substring(1) : esc(s);
    }

    @Override
    public String toString() {
      return b.toString();
    }
  }
}
