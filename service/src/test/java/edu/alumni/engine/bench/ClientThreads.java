package edu.alumni.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The benchmarks' clients: numbered steps shared out over a fixed number of threads. */
final class ClientThreads {

  /** One step of a run, given its number. */
  interface Step {
    void run(int i) throws Exception;
  }

  private ClientThreads() {
  }

  /** The CPU time so far of the live threads whose names start with {@code prefix}, in nanoseconds. */
  static long cpuNanosOfThreads(String prefix) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo thread : mx.dumpAllThreads(false, false)) {
      if (thread.getThreadName().startsWith(prefix)) {
        sum += Math.max(0, mx.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return sum;
  }

  /** The CPU time the client threads of the last run spent, in nanoseconds (theirs only, not the JVM's). */
  static final AtomicLong lastRunCpuNanos = new AtomicLong();

  /** Runs steps 0 … count-1 on {@code threads} threads; returns the seconds taken. */
  static double run(int threads, int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    AtomicLong cpu = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          long cpuStart = mx.getCurrentThreadCpuTime();
          try {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              step.run(i);
            }
          } finally {
            cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      lastRunCpuNanos.set(cpu.get());
      return SegmentationBenchmark.secs(start);
    } finally {
      pool.shutdownNow();
    }
  }
}
