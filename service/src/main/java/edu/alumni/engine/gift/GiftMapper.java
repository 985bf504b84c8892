package edu.alumni.engine.gift;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface GiftMapper {

  Gift selectByGiftRef(String giftRef);

  List<Gift> selectByGiftRefs(@Param("giftRefs") Collection<String> giftRefs);

  /** The most recent gifts of an alumnus, newest first. */
  List<Gift> selectRecentByStudentNo(@Param("studentNo") String studentNo, @Param("limit") int limit);

  GiftSummary selectSummaryByStudentNo(String studentNo);

  long countAll();

  void insertGift(Gift gift);
}
