package edu.alumni.engine.rulebook;

import edu.alumni.engine.system.NotFoundException;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleMessage;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.RuleSetException;
import edu.alumni.rules.segment.SegmentCatalogueCheck;
import edu.alumni.rules.segment.SegmentEvaluator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule files in force: the DRL shipped in {@code rules/} is version 1 of each; managers upload new versions,
 * which are compiled and checked before anything changes, and can reactivate an earlier one. Every version is kept
 * with who uploaded it and when. Each rule file is its own rule set (its version is the hash of that file alone),
 * compiled once and cached until the next change.
 */
@Service
public class RuleBook {

  private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
  static final String BUILT_IN = "built-in";
  static final int MAX_DRL_CHARS = 60_000;

  private final RuleVersionMapper versions;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Map<String, RuleSet> active = new java.util.concurrent.ConcurrentHashMap<>();

  public RuleBook(RuleVersionMapper versions, TransactionTemplate transaction, Clock clock) {
    this.versions = versions;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * At start-up: stores the shipped version of each rule file the first time, and a changed shipped version as a
   * new version, activated only while the active one is itself a shipped version (a manager's upload is never
   * replaced by an upgrade of the service).
   */
  public synchronized void installBuiltIns() {
    transaction.executeWithoutResult(status -> {
      for (String name : BuiltInRules.paths().keySet()) {
        String text = BuiltInRules.text(name);
        String hash = RuleSet.versionOf(Map.of(BuiltInRules.path(name), text));
        List<RuleVersion> stored = versions.selectVersions(name);
        if (stored.stream().anyMatch(v -> v.contentHash().equals(hash))) {
          continue;
        }
        RuleVersion current = stored.stream().filter(RuleVersion::active).findFirst().orElse(null);
        boolean activate = current == null || BUILT_IN.equals(current.uploadedBy());
        if (activate) {
          versions.deactivateAll(name);
        }
        insert(name, text, hash, BUILT_IN, activate, "shipped with the service");
        log.info("Installed shipped rule file '{}'{}", name, activate ? " (active)" : " (kept inactive)");
      }
    });
    active.clear();
    BuiltInRules.paths().keySet().forEach(this::active);
  }

  /** The compiled active version of a rule file. */
  public RuleSet active(String name) {
    requireKnown(name);
    return active.computeIfAbsent(name, n -> RuleSet.compile(Map.of(BuiltInRules.path(n), activeText(n))));
  }

  public List<RuleVersion> activeVersions() {
    return versions.selectActiveVersions();
  }

  public List<RuleVersion> versions(String name) {
    requireKnown(name);
    return versions.selectVersions(name);
  }

  public String text(String name, int versionNo) {
    requireKnown(name);
    String text = versions.selectText(name, versionNo);
    if (text == null) {
      throw new NotFoundException("Rule file '" + name + "' has no version " + versionNo + ".");
    }
    return text;
  }

  public String activeText(String name) {
    requireKnown(name);
    RuleVersion v = versions.selectActiveVersions().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new NotFoundException("Rule file '" + name + "' has no active version."));
    return versions.selectText(name, v.versionNo());
  }

  /**
   * A new version of a rule file, compiled and checked together with the other active files; it becomes active
   * for the next run. Refused with the Drools messages, changing nothing, when it does not compile or no longer
   * produces the catalogue.
   */
  public synchronized RuleVersion upload(String name, String drl, String user, String comment) {
    requireKnown(name);
    if (drl == null || drl.isBlank()) {
      throw new RuleSetException("The rule file is empty.", List.of());
    }
    if (drl.length() > MAX_DRL_CHARS) {
      throw new RuleSetException("The rule file has " + drl.length() + " characters; at most " + MAX_DRL_CHARS
          + " are accepted.", List.of());
    }
    RuleSet candidate = check(name, drl);
    String hash = RuleSet.versionOf(Map.of(BuiltInRules.path(name), drl));
    RuleVersion version = transaction.execute(status -> {
      versions.deactivateAll(name);
      return insert(name, drl, hash, user, true, comment);
    });
    active.put(name, candidate);
    log.info("Rule file '{}' version {} uploaded by {} is active", name, version.versionNo(), user);
    return version;
  }

  /** Makes an earlier version active again (checked like an upload: the engine may have changed since). */
  public synchronized RuleVersion activate(String name, int versionNo, String user) {
    String drl = text(name, versionNo);
    RuleSet candidate = check(name, drl);
    transaction.executeWithoutResult(status -> {
      versions.deactivateAll(name);
      versions.activateVersion(name, versionNo);
    });
    active.put(name, candidate);
    log.info("Rule file '{}' version {} reactivated by {}", name, versionNo, user);
    return versions.selectVersion(name, versionNo);
  }

  private RuleSet check(String name, String drl) {
    RuleSet candidate = RuleSet.compile(Map.of(BuiltInRules.path(name), drl));
    if (BuiltInRules.SEGMENTS.equals(name)) {
      List<String> problems = SegmentCatalogueCheck.problems(new SegmentEvaluator(candidate));
      if (!problems.isEmpty()) {
        throw new RuleSetException("The rules compile but would break the segment catalogue: "
            + String.join("; ", problems) + ".",
            problems.stream().map(p -> new RuleMessage(BuiltInRules.path(name), 0, 0, "ERROR", p)).toList());
      }
    }
    return candidate;
  }

  private RuleVersion insert(String name, String drl, String hash, String user, boolean activate, String comment) {
    Integer max = versions.selectMaxVersionNo(name);
    RuleVersion v = new RuleVersion(name, max == null ? 1 : max + 1, hash, user, LocalDateTime.now(clock), activate,
        comment);
    versions.insertVersion(v, drl);
    return v;
  }

  private static void requireKnown(String name) {
    if (!BuiltInRules.paths().containsKey(name)) {
      throw new NotFoundException("There is no rule file named '" + name + "'; the rule files are "
          + BuiltInRules.paths().keySet() + ".");
    }
  }
}
