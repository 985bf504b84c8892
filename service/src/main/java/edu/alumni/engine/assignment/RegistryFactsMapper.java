package edu.alumni.engine.assignment;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegistryFactsMapper {

  /**
   * The facts of a gift's donor (giftRef given; studentNo, when given too, names the alumnus instead of the gift's
   * donor) or of an alumnus (only studentNo); null when neither is in the registry.
   */
  RegistryFacts selectRegistryFacts(@Param("giftRef") String giftRef, @Param("studentNo") String studentNo);
}
