package edu.alumni.engine.gift;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.annotations.Flush;
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

  /** Sends the statements a batch session holds (one JDBC batch per import chunk, not one for the whole file). */
  @Flush
  List<BatchResult> flushStatements();
}
