package edu.alumni.engine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;

/** The reference data of DOMAIN.md as the V1 migration ships it, read through the mapper and the Catalogue. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class CatalogueMapperTests {

  @Autowired
  CatalogueMapper mapper;

  @Test
  void twelveColleges() {
    List<College> colleges = mapper.selectColleges();

    assertThat(colleges).extracting(College::code).containsExactly(
        "chem", "civil", "cs", "econ", "ee", "law", "lit", "math", "me", "med", "mgmt", "phys");
    assertThat(colleges).contains(new College("cs", "计算机科学与技术学院"), new College("ee", "电子信息工程学院"),
        new College("me", "机械工程学院"), new College("civil", "土木工程学院"), new College("chem", "化学化工学院"),
        new College("math", "数学科学学院"), new College("phys", "物理学院"), new College("econ", "经济学院"),
        new College("mgmt", "管理学院"), new College("law", "法学院"), new College("lit", "文学院"),
        new College("med", "医学院"));
  }

  @Test
  void twelveChapters() {
    List<Chapter> chapters = mapper.selectChapters();

    assertThat(chapters).hasSize(12);
    assertThat(chapters).extracting(Chapter::code).containsExactlyInAnyOrder(
        "bj", "sh", "gz", "sz", "hz", "nj", "wh", "cd", "xa", "sv", "sg", "ldn");
    assertThat(chapters).contains(new Chapter("bj", "北京校友会"), new Chapter("xa", "西安校友会"),
        new Chapter("sg", "新加坡校友会 (Singapore)"));
  }

  @Test
  void cityMapOfDomainMd() {
    List<ChapterCity> cities = mapper.selectChapterCities();

    assertThat(cities).extracting(ChapterCity::cityKey, ChapterCity::chapterCode).containsExactlyInAnyOrder(
        tuple("北京", "bj"), tuple("beijing", "bj"),
        tuple("上海", "sh"), tuple("shanghai", "sh"),
        tuple("广州", "gz"), tuple("guangzhou", "gz"),
        tuple("深圳", "sz"), tuple("shenzhen", "sz"),
        tuple("杭州", "hz"), tuple("hangzhou", "hz"),
        tuple("南京", "nj"), tuple("nanjing", "nj"),
        tuple("武汉", "wh"), tuple("wuhan", "wh"),
        tuple("成都", "cd"), tuple("chengdu", "cd"),
        tuple("西安", "xa"), tuple("xi'an", "xa"), tuple("xian", "xa"),
        tuple("san francisco", "sv"), tuple("san jose", "sv"), tuple("palo alto", "sv"),
        tuple("mountain view", "sv"), tuple("sunnyvale", "sv"),
        tuple("singapore", "sg"), tuple("新加坡", "sg"),
        tuple("london", "ldn"), tuple("伦敦", "ldn"));
    assertThat(cities).contains(new ChapterCity("xi'an", "Xi'an", "xa"), new ChapterCity("新加坡", "新加坡", "sg"));
    assertThat(cities).allSatisfy(c -> assertThat(c.cityKey()).isEqualTo(c.city().toLowerCase(Locale.ROOT)));
  }

  @Test
  void sixFundsWithRestrictedFlags() {
    assertThat(mapper.selectFunds()).containsExactlyInAnyOrder(
        new Fund("general", "学校发展基金", false),
        new Fund("scholarship", "奖助学金", true),
        new Fund("green-campus", "校园绿色发展基金", true),
        new Fund("discipline", "学科发展基金", true),
        new Fund("alumni-service", "校友服务基金", true),
        new Fund("library", "图书馆发展基金", true));
  }

  @Test
  void catalogueMapsCitiesCaseInsensitivelyOnTheTrimmedName() {
    Catalogue catalogue = new Catalogue(mapper);

    assertThat(catalogue.colleges()).hasSize(12);
    assertThat(catalogue.chapters()).hasSize(12);
    assertThat(catalogue.funds()).hasSize(6);
    assertThat(catalogue.funds().get("general").restricted()).isFalse();
    assertThat(catalogue.chapterOf("Xi'an")).contains("xa");
    assertThat(catalogue.chapterOf("  XI'AN ")).contains("xa");
    assertThat(catalogue.chapterOf("xian")).contains("xa");
    assertThat(catalogue.chapterOf("西安")).contains("xa");
    assertThat(catalogue.chapterOf("新加坡")).contains("sg");
    assertThat(catalogue.chapterOf("SINGAPORE")).contains("sg");
    assertThat(catalogue.chapterOf("Palo Alto")).contains("sv");
    assertThat(catalogue.chapterOf("伦敦")).contains("ldn");
    assertThat(catalogue.chapterOf("Tokyo")).isEmpty();
    assertThat(catalogue.chapterOf("Xi an")).isEmpty();
    assertThat(catalogue.chapterOf(null)).isEmpty();
  }
}
