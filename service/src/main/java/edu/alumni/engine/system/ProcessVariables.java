package edu.alumni.engine.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads process variables whatever form a form or client gave them (text, number, date). */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  public static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  public static BigDecimal decimal(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return b;
    }
    String text = v.toString().strip();
    return text.isEmpty() ? null : new BigDecimal(text);
  }

  public static Integer integer(VariableScope scope, String name) {
    BigDecimal d = decimal(scope, name);
    return d == null ? null : d.intValueExact();
  }

  public static boolean flag(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString().strip());
  }

  /** A date: a Date (in the university's zone), a LocalDate, or ISO text as a Camunda Forms date field sends. */
  public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String text = v.toString().strip();
    return text.isEmpty() ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
