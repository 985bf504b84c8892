package edu.alumni.engine.segment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param chunkSize alumni read, evaluated and written per step (memory is bounded by this, not the registry)
 * @param keepRuns  completed runs whose memberships are kept (counts of every run are kept forever)
 * @param threads   threads firing rules on a chunk; 0 means one per processor
 */
@ConfigurationProperties("alumni.segmentation")
public record SegmentationProperties(Integer chunkSize, Integer keepRuns, Integer threads) {

  public SegmentationProperties {
    chunkSize = chunkSize == null ? 10_000 : chunkSize;
    keepRuns = keepRuns == null ? 5 : keepRuns;
    threads = threads == null || threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
