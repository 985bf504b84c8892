package edu.alumni.engine.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** A problem of a deployment resource that is not a parse of the engine's own (e.g. a file that is not XML). */
final class DeploymentProblem implements Problem {

  private final String message;
  private final int line;
  private final int column;

  DeploymentProblem(String message, int line, int column) {
    this.message = message;
    this.line = line;
    this.column = column;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return null;
  }

  @Override
  public List<String> getElementIds() {
    return List.of();
  }
}
