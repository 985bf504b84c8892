package edu.alumni.engine.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The fixed reference data of DOMAIN.md (colleges, chapters and their cities, funds), read once from the tables the
 * migration fills, so the catalogue exists in one place: the migration.
 */
@Component
public class Catalogue {

  private final Map<String, College> colleges;
  private final Map<String, Chapter> chapters;
  private final Map<String, String> chapterByCityKey;
  private final Map<String, Fund> funds;

  public Catalogue(CatalogueMapper mapper) {
    this.colleges = byCode(mapper.selectColleges(), College::code);
    this.chapters = byCode(mapper.selectChapters(), Chapter::code);
    this.chapterByCityKey = mapper.selectChapterCities().stream()
        .collect(Collectors.toUnmodifiableMap(ChapterCity::cityKey, ChapterCity::chapterCode));
    this.funds = byCode(mapper.selectFunds(), Fund::code);
  }

  private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(code.apply(item), item));
    return java.util.Collections.unmodifiableMap(map);
  }

  public Map<String, College> colleges() {
    return colleges;
  }

  public Map<String, Chapter> chapters() {
    return chapters;
  }

  public Map<String, Fund> funds() {
    return funds;
  }

  /** The chapter a city maps to: case-insensitive, on the trimmed city, against any of the chapter's city names. */
  public Optional<String> chapterOf(String city) {
    if (city == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(chapterByCityKey.get(city.strip().toLowerCase(Locale.ROOT)));
  }
}
