package edu.alumni.engine.catalogue;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CatalogueMapper {

  List<College> selectColleges();

  List<Chapter> selectChapters();

  List<ChapterCity> selectChapterCities();

  List<Fund> selectFunds();
}
