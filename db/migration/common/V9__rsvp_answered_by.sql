-- Who entered an RSVP answer (the signed-in user of POST /api/reunions/{businessKey}/rsvps): the audit of an
-- alumnus shows it beside the answer.
ALTER TABLE reunion_invitation ADD COLUMN answered_by VARCHAR(64);
