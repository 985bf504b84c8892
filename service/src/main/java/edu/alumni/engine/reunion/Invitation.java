package edu.alumni.engine.reunion;

import java.time.LocalDateTime;

/** A reunion invitation and its RSVP (null until answered): who entered the answer, and when. */
public record Invitation(String businessKey, String studentNo, LocalDateTime invitedAt, Boolean attending,
    Integer guests, LocalDateTime answeredAt, String answeredBy) {
}
