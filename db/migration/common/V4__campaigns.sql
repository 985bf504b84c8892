-- The campaign processes' records in the registry (PROCESSES.md): owner decisions, gift classifications,
-- invitations and RSVPs, fund allocations, contact reports, and the visits each trigger started.

-- Every owner decision of the assignment rules, for the audit (which rule, which version, which facts).
CREATE TABLE owner_decision (
  task_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  process_key         VARCHAR(64)   NOT NULL,
  task_key            VARCHAR(64)   NOT NULL,
  business_key        VARCHAR(128),
  candidate_groups    VARCHAR(500)  NOT NULL,
  due_at              TIMESTAMP(3),
  second_approver     VARCHAR(64),
  rule_name           VARCHAR(200)  NOT NULL,
  ruleset_version     VARCHAR(80)   NOT NULL,
  facts               VARCHAR(1000) NOT NULL,
  fallback            BOOLEAN       NOT NULL,
  decided_at          TIMESTAMP(3)  NOT NULL
);

CREATE INDEX ix_owner_decision_instance ON owner_decision (process_instance_id);

-- The tier and agreement decision of each stewarded gift.
CREATE TABLE gift_classification (
  gift_ref            VARCHAR(40)   NOT NULL PRIMARY KEY,
  tier                VARCHAR(16)   NOT NULL,
  agreement_required  BOOLEAN       NOT NULL,
  rule_name           VARCHAR(300)  NOT NULL,
  ruleset_version     VARCHAR(80)   NOT NULL,
  facts               VARCHAR(1000) NOT NULL,
  process_instance_id VARCHAR(64)   NOT NULL,
  decided_at          TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_gift_classification_gift FOREIGN KEY (gift_ref) REFERENCES gift (gift_ref)
);

-- 专款专用: the gift credited to its fund.
CREATE TABLE gift_allocation (
  gift_ref            VARCHAR(40)    NOT NULL PRIMARY KEY,
  fund_code           VARCHAR(32)    NOT NULL,
  amount_cny          DECIMAL(14, 2) NOT NULL,
  process_instance_id VARCHAR(64)    NOT NULL,
  allocated_at        TIMESTAMP(3)   NOT NULL,
  CONSTRAINT fk_gift_allocation_gift FOREIGN KEY (gift_ref) REFERENCES gift (gift_ref),
  CONSTRAINT fk_gift_allocation_fund FOREIGN KEY (fund_code) REFERENCES fund (code)
);

-- One invitation per contactable cohort member; the last RSVP answer wins.
CREATE TABLE reunion_invitation (
  business_key   VARCHAR(128) NOT NULL,
  student_no     VARCHAR(20)  NOT NULL,
  invited_at     TIMESTAMP(3) NOT NULL,
  attending      BOOLEAN,
  guests         INT,
  answered_at    TIMESTAMP(3),
  PRIMARY KEY (business_key, student_no),
  CONSTRAINT fk_reunion_invitation_alumnus FOREIGN KEY (student_no) REFERENCES alumnus (student_no)
);

CREATE INDEX ix_reunion_invitation_student ON reunion_invitation (student_no);

CREATE TABLE contact_report (
  process_instance_id VARCHAR(64)   NOT NULL,
  task_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  student_no          VARCHAR(20)   NOT NULL,
  visit_date          DATE          NOT NULL,
  visitors            VARCHAR(200)  NOT NULL,
  contact_method      VARCHAR(16)   NOT NULL,
  learned             VARCHAR(4000) NOT NULL,
  conveyed            VARCHAR(4000),
  interests           VARCHAR(100)  NOT NULL,
  months_until_next   INT           NOT NULL,
  filed_by            VARCHAR(64),
  filed_at            TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_contact_report_alumnus FOREIGN KEY (student_no) REFERENCES alumnus (student_no)
);

CREATE INDEX ix_contact_report_student ON contact_report (student_no, visit_date);

-- Visits started by the visit trigger, per as-of date and owner group: the cap of 25 per group and D.
CREATE TABLE visit_trigger_start (
  as_of               DATE        NOT NULL,
  owner_group         VARCHAR(64) NOT NULL,
  student_no          VARCHAR(20) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  run_id              BIGINT      NOT NULL,
  PRIMARY KEY (as_of, owner_group, student_no)
);
