package edu.alumni.engine.process;

/** No instance of the process runs on an older version than the latest: answered 409. */
public class NothingToMigrateException extends RuntimeException {

  public NothingToMigrateException(String message) {
    super(message);
  }
}
