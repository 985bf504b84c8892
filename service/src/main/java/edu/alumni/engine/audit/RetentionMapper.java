package edu.alumni.engine.audit;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The service's own records that explain a process instance, read page by page and deleted once the instance's
 * history is gone (see {@link AuditRetention}).
 */
@Mapper
public interface RetentionMapper {

  /** Instance ids of owner decisions after {@code after}, in order (ix_owner_decision_instance). */
  List<String> selectOwnerDecisionInstances(@Param("after") String after, @Param("limit") int limit);

  int deleteOwnerDecisionsOfInstances(@Param("instanceIds") Collection<String> instanceIds);

  /** Gift tier decisions after gift reference {@code after}, in primary key order. */
  List<GiftDecisionRef> selectGiftDecisions(@Param("after") String after, @Param("limit") int limit);

  int deleteGiftDecisions(@Param("giftRefs") Collection<String> giftRefs);

  /** Instance ids of visit trigger records after {@code after}, in order (a small table: 25 per group and date). */
  List<String> selectVisitStartInstances(@Param("after") String after, @Param("limit") int limit);

  int deleteVisitStartsOfInstances(@Param("instanceIds") Collection<String> instanceIds);

  /** A gift tier decision's key and instance. */
  record GiftDecisionRef(String giftRef, String processInstanceId) {
  }
}
