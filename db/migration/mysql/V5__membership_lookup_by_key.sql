-- An alumnus' memberships in a run are found through the primary key (run_id, segment_code, student_no), one
-- seek per segment code; the secondary index cost every run a second write per membership.
DROP INDEX ix_segment_membership_student ON segment_membership;
