-- Segmentation (SEGMENTS.md): versioned rule files, runs, and the memberships each run produced.

-- Every version of every rule file ever used; exactly one active version per name.
CREATE TABLE rule_version (
  name         VARCHAR(64)  NOT NULL,
  version_no   INT          NOT NULL,
  content_hash VARCHAR(80)  NOT NULL,
  drl          TEXT         NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  uploaded_at  TIMESTAMP(3) NOT NULL,
  active       BOOLEAN      NOT NULL,
  comment_text VARCHAR(500),
  PRIMARY KEY (name, version_no)
);

CREATE TABLE segmentation_run (
  id               BIGINT        NOT NULL PRIMARY KEY,
  as_of            DATE          NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  ruleset_version  VARCHAR(80),
  started_by       VARCHAR(64),
  started_at       TIMESTAMP(3)  NOT NULL,
  finished_at      TIMESTAMP(3),
  alumni_evaluated BIGINT        NOT NULL,
  duration_ms      BIGINT,
  error_text       VARCHAR(2000)
);

CREATE INDEX ix_segmentation_run_status ON segmentation_run (status);

-- Which completed run's memberships are the current ones: one row, switched in one statement, so readers see the
-- old set or the new one, never a mix.
CREATE TABLE segmentation_current (
  id     INT    NOT NULL PRIMARY KEY,
  run_id BIGINT NOT NULL
);

CREATE TABLE segmentation_run_count (
  run_id       BIGINT      NOT NULL,
  segment_code VARCHAR(32) NOT NULL,
  member_count BIGINT      NOT NULL,
  PRIMARY KEY (run_id, segment_code)
);

-- Instances started by the triggers after a run (SEGMENTS.md "Triggers").
CREATE TABLE segmentation_run_started (
  run_id        BIGINT      NOT NULL,
  process_key   VARCHAR(64) NOT NULL,
  started_count INT         NOT NULL,
  PRIMARY KEY (run_id, process_key)
);

CREATE TABLE segment_membership (
  run_id       BIGINT       NOT NULL,
  segment_code VARCHAR(32)  NOT NULL,
  student_no   VARCHAR(20)  NOT NULL,
  rule_name    VARCHAR(200) NOT NULL,
  facts        VARCHAR(1000) NOT NULL,
  PRIMARY KEY (run_id, segment_code, student_no)
);

-- an alumnus' segments in a run (GET /api/alumni/{studentNo}, the alumni list's segment filter)
CREATE INDEX ix_segment_membership_student ON segment_membership (run_id, student_no);
