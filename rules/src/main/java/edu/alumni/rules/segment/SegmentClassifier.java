package edu.alumni.rules.segment;

import java.util.Collection;
import java.util.List;

/** Puts alumni into segments: the Drools rules ({@link SegmentEvaluator}) or, for comparison, any other way. */
public interface SegmentClassifier {

  /** The memberships of the given alumni (each fact carries its own as-of date D). */
  List<Membership> evaluate(Collection<AlumnusFacts> alumni);

  /** What the memberships are recorded as coming from: the rule set version. */
  String version();
}
