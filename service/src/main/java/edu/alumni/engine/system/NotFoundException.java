package edu.alumni.engine.system;

/** The thing asked for does not exist: answered 404 with the message as the problem's detail. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
