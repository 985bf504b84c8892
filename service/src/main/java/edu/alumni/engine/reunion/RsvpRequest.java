package edu.alumni.engine.reunion;

/** {@code POST /api/reunions/{businessKey}/rsvps}. */
public record RsvpRequest(String studentNo, Boolean attending, Integer guests) {
}
