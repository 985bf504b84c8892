package edu.alumni.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JVM's CPU time by kind of thread, read from {@code /proc/self/task} (Linux): the garbage collector's and the
 * JIT compiler's threads are not Java threads, so {@code ThreadMXBean} does not see them, yet on 2 cores they take
 * their share from the requests. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

  /** The threads {@link ClientThreads} runs a benchmark's steps on: HTTP clients, or the service's callers. */
  static final String CALLING = "calling threads";

  private ThreadCpu() {
  }

  /** Nanoseconds of CPU so far by kind of thread; a thread that ended since takes its time with it. */
  static Map<String, Long> byKind() {
    Map<String, Long> sums = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String kind = kind(Files.readString(task.resolve("comm")).trim());
          if (kind == null) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // utime and stime, in clock ticks of 1/100 s (USER_HZ on Linux)
          sums.merge(kind, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // a thread that ended while the list was read
        }
      }
    } catch (IOException noProc) {
      return Map.of();
    }
    return sums;
  }

  /**
   * What each kind took between two readings, in milliseconds per item, as one line, with the CPU of the run's
   * calling threads (which have ended by the second reading; {@link ClientThreads} counts theirs).
   */
  static String perItem(Map<String, Long> before, Map<String, Long> after, long callingNanos, int items) {
    Map<String, Long> all = new TreeMap<>(after);
    all.put(CALLING, callingNanos);
    return all.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / items))
        .collect(Collectors.joining(", "));
  }

  /** The kind of a thread by its name as the kernel keeps it (the first 15 characters); null for calling threads. */
  private static String kind(String name) {
    if (name.startsWith("http-nio")) {
      return "Tomcat";
    }
    if (name.startsWith("pool-")) {
      return null;
    }
    if (name.startsWith("HttpClient")) {
      return "benchmark's HTTP client";
    }
    if (name.startsWith("GC ") || name.startsWith("G1 ")) {
      return "GC";
    }
    if (name.contains("CompilerThre")) {
      return "JIT";
    }
    return "other";
  }
}
