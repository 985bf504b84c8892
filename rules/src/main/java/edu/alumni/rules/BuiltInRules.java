package edu.alumni.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The DRL files shipped in this module, by name (the name managers use to upload a new version). */
public final class BuiltInRules {

  /** Segment catalogue v1 (SEGMENTS.md). */
  public static final String SEGMENTS = "segments";
  /** Task owners and due dates of the three processes (PROCESSES.md). */
  public static final String ASSIGNMENT = "assignment";
  /** Follow-up tasks from a contact report's interests (PROCESSES.md §2). */
  public static final String FOLLOW_UPS = "follow-ups";
  /** Gift tier and agreement (PROCESSES.md §3). */
  public static final String GIFT_CLASSIFICATION = "gift-classification";
  /** What a segmentation run starts (SEGMENTS.md "Triggers"). */
  public static final String TRIGGERS = "triggers";

  private static final Map<String, String> PATHS = Map.of(
      SEGMENTS, "edu/alumni/rules/segment/segments.drl",
      ASSIGNMENT, "edu/alumni/rules/assignment/assignment.drl",
      FOLLOW_UPS, "edu/alumni/rules/followup/follow-ups.drl",
      GIFT_CLASSIFICATION, "edu/alumni/rules/gift/gift-classification.drl",
      TRIGGERS, "edu/alumni/rules/trigger/triggers.drl");

  private BuiltInRules() {
  }

  public static Map<String, String> paths() {
    return PATHS;
  }

  public static String path(String name) {
    String path = PATHS.get(name);
    if (path == null) {
      throw new IllegalArgumentException("no rule file named '" + name + "'");
    }
    return path;
  }

  /** The shipped text of a rule file. */
  public static String text(String name) {
    String path = path(name);
    try (InputStream in = BuiltInRules.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path → text of the given names' shipped versions. */
  public static Map<String, String> sources(String... names) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name : names) {
      sources.put(path(name), text(name));
    }
    return sources;
  }
}
