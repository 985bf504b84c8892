-- Fixed catalogue of DOMAIN.md: colleges, regional chapters with the city names that map to them, funds.
-- Portable SQL: runs unchanged on H2 and MySQL/MariaDB.

CREATE TABLE college (
  code VARCHAR(16) NOT NULL PRIMARY KEY,
  name VARCHAR(64) NOT NULL
);

CREATE TABLE chapter (
  code VARCHAR(16) NOT NULL PRIMARY KEY,
  name VARCHAR(64) NOT NULL
);

-- city_key is the lower-cased city name: the match is case-insensitive on the trimmed city field.
CREATE TABLE chapter_city (
  city_key     VARCHAR(64) NOT NULL PRIMARY KEY,
  city         VARCHAR(64) NOT NULL,
  chapter_code VARCHAR(16) NOT NULL,
  CONSTRAINT fk_chapter_city_chapter FOREIGN KEY (chapter_code) REFERENCES chapter (code)
);

CREATE TABLE fund (
  code       VARCHAR(32) NOT NULL PRIMARY KEY,
  name       VARCHAR(64) NOT NULL,
  restricted BOOLEAN     NOT NULL
);

INSERT INTO college (code, name) VALUES
  ('cs', '计算机科学与技术学院'),
  ('ee', '电子信息工程学院'),
  ('me', '机械工程学院'),
  ('civil', '土木工程学院'),
  ('chem', '化学化工学院'),
  ('math', '数学科学学院'),
  ('phys', '物理学院'),
  ('econ', '经济学院'),
  ('mgmt', '管理学院'),
  ('law', '法学院'),
  ('lit', '文学院'),
  ('med', '医学院');

INSERT INTO chapter (code, name) VALUES
  ('bj', '北京校友会'),
  ('sh', '上海校友会'),
  ('gz', '广州校友会'),
  ('sz', '深圳校友会'),
  ('hz', '杭州校友会'),
  ('nj', '南京校友会'),
  ('wh', '武汉校友会'),
  ('cd', '成都校友会'),
  ('xa', '西安校友会'),
  ('sv', '硅谷校友会 (Silicon Valley)'),
  ('sg', '新加坡校友会 (Singapore)'),
  ('ldn', '伦敦校友会 (London)');

INSERT INTO chapter_city (city_key, city, chapter_code) VALUES
  ('北京', '北京', 'bj'), ('beijing', 'Beijing', 'bj'),
  ('上海', '上海', 'sh'), ('shanghai', 'Shanghai', 'sh'),
  ('广州', '广州', 'gz'), ('guangzhou', 'Guangzhou', 'gz'),
  ('深圳', '深圳', 'sz'), ('shenzhen', 'Shenzhen', 'sz'),
  ('杭州', '杭州', 'hz'), ('hangzhou', 'Hangzhou', 'hz'),
  ('南京', '南京', 'nj'), ('nanjing', 'Nanjing', 'nj'),
  ('武汉', '武汉', 'wh'), ('wuhan', 'Wuhan', 'wh'),
  ('成都', '成都', 'cd'), ('chengdu', 'Chengdu', 'cd'),
  ('西安', '西安', 'xa'), ('xi''an', 'Xi''an', 'xa'), ('xian', 'Xian', 'xa'),
  ('san francisco', 'San Francisco', 'sv'), ('san jose', 'San Jose', 'sv'), ('palo alto', 'Palo Alto', 'sv'),
  ('mountain view', 'Mountain View', 'sv'), ('sunnyvale', 'Sunnyvale', 'sv'),
  ('singapore', 'Singapore', 'sg'), ('新加坡', '新加坡', 'sg'),
  ('london', 'London', 'ldn'), ('伦敦', '伦敦', 'ldn');

INSERT INTO fund (code, name, restricted) VALUES
  ('general', '学校发展基金', FALSE),
  ('scholarship', '奖助学金', TRUE),
  ('green-campus', '校园绿色发展基金', TRUE),
  ('discipline', '学科发展基金', TRUE),
  ('alumni-service', '校友服务基金', TRUE),
  ('library', '图书馆发展基金', TRUE);
