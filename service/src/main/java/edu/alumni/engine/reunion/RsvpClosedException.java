package edu.alumni.engine.reunion;

import java.util.Date;

/** An RSVP after the deadline (event date − 14 days). */
public class RsvpClosedException extends RuntimeException {
  public RsvpClosedException(String businessKey, Date deadline) {
    super("RSVPs for " + businessKey + " closed at " + deadline.toInstant()
        + "; ask the college coordinator to add late guests in confirmLogistics.");
  }
}
