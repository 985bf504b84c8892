-- The alumni and gift registry (DATA.md). Personal data lives here, never in process variables.

CREATE TABLE alumnus (
  student_no          VARCHAR(20)  NOT NULL PRIMARY KEY,
  name                VARCHAR(64)  NOT NULL,
  gender              CHAR(1),
  college_code        VARCHAR(16)  NOT NULL,
  major               VARCHAR(64),
  degree              VARCHAR(8)   NOT NULL,
  enrollment_year     INT,
  graduation_year     INT          NOT NULL,
  class_name          VARCHAR(64),
  city                VARCHAR(64),
  -- the chapter the city maps to (DOMAIN.md), kept with the row so rules and lists need no join
  chapter_code        VARCHAR(16),
  country             VARCHAR(64),
  employer            VARCHAR(128),
  industry            VARCHAR(128),
  job_title           VARCHAR(128),
  email               VARCHAR(254),
  phone               VARCHAR(16),
  honors              VARCHAR(512),
  consent_contact     BOOLEAN      NOT NULL,
  consent_fundraising BOOLEAN      NOT NULL,
  deceased            BOOLEAN      NOT NULL,
  last_visit_date     DATE,
  created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_alumnus_college FOREIGN KEY (college_code) REFERENCES college (code),
  CONSTRAINT fk_alumnus_chapter FOREIGN KEY (chapter_code) REFERENCES chapter (code)
);

-- reunion cohorts (college, graduation year) and the yearsOut segments
CREATE INDEX ix_alumnus_college_grad ON alumnus (college_code, graduation_year);
CREATE INDEX ix_alumnus_grad ON alumnus (graduation_year);
CREATE INDEX ix_alumnus_chapter ON alumnus (chapter_code);
CREATE INDEX ix_alumnus_name ON alumnus (name);

CREATE TABLE gift (
  gift_ref    VARCHAR(40)    NOT NULL PRIMARY KEY,
  student_no  VARCHAR(20)    NOT NULL,
  amount_cny  DECIMAL(14, 2) NOT NULL,
  gift_date   DATE           NOT NULL,
  fund_code   VARCHAR(32)    NOT NULL,
  channel     VARCHAR(16),
  created_at  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_gift_alumnus FOREIGN KEY (student_no) REFERENCES alumnus (student_no),
  CONSTRAINT fk_gift_fund FOREIGN KEY (fund_code) REFERENCES fund (code)
);

-- derived facts per alumnus as of D (lifetime giving, gift years, largest recent gift) read gifts by alumnus and date
CREATE INDEX ix_gift_student_date ON gift (student_no, gift_date);
CREATE INDEX ix_gift_date ON gift (gift_date);
