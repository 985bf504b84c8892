package edu.alumni.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The benchmarks' clients: numbered steps shared out over a fixed number of threads. */
final class ClientThreads {

  /** One step of a run, given its number. */
  interface Step {
    void run(int i) throws Exception;
  }

  private ClientThreads() {
  }

  /** Runs steps 0 … count-1 on {@code threads} threads; returns the seconds taken. */
  static double run(int threads, int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            step.run(i);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      return SegmentationBenchmark.secs(start);
    } finally {
      pool.shutdownNow();
    }
  }
}
