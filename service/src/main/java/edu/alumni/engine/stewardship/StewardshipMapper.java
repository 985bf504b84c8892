package edu.alumni.engine.stewardship;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface StewardshipMapper {

  void insertClassification(@Param("giftRef") String giftRef, @Param("tier") String tier,
      @Param("agreementRequired") boolean agreementRequired, @Param("ruleName") String ruleName,
      @Param("rulesetVersion") String rulesetVersion, @Param("facts") String facts,
      @Param("processInstanceId") String processInstanceId, @Param("decidedAt") LocalDateTime decidedAt);

  GiftClassificationRow selectClassification(String giftRef);

  int countAllocations(String giftRef);

  void insertAllocation(@Param("giftRef") String giftRef, @Param("fundCode") String fundCode,
      @Param("amountCny") BigDecimal amountCny, @Param("processInstanceId") String processInstanceId,
      @Param("allocatedAt") LocalDateTime allocatedAt);

  /** Sum allocated to a fund (专款专用 reporting). */
  BigDecimal selectAllocatedToFund(String fundCode);
}
