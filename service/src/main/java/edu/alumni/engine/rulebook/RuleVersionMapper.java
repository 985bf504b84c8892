package edu.alumni.engine.rulebook;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RuleVersionMapper {

  List<RuleVersion> selectActiveVersions();

  List<RuleVersion> selectVersions(String name);

  RuleVersion selectVersion(@Param("name") String name, @Param("versionNo") int versionNo);

  String selectText(@Param("name") String name, @Param("versionNo") int versionNo);

  Integer selectMaxVersionNo(String name);

  void insertVersion(@Param("version") RuleVersion version, @Param("drl") String drl);

  void deactivateAll(String name);

  void activateVersion(@Param("name") String name, @Param("versionNo") int versionNo);
}
