package edu.alumni.engine.system;

/** A request that cannot be served as asked: answered 400 with the message as the problem's detail. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
