package edu.alumni.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * A compiled set of DRL files and its version: the SHA-256 of the sources (name and text, in name order), so the
 * same rules always have the same version and any change gives a new one. Built at run time from DRL text with the
 * classic (MVEL) compiler, which works inside the Spring Boot fat jar.
 */
public final class RuleSet {

  private static final AtomicLong BUILDS = new AtomicLong();

  private final KieBase kieBase;
  private final String version;
  private final Map<String, String> sources;
  private final KieSessionsPool decisionSessions;

  private RuleSet(KieBase kieBase, String version, Map<String, String> sources) {
    this.kieBase = kieBase;
    this.version = version;
    this.sources = sources;
    // none made ahead: a rule set used only for batches (segments, triggers) never needs one
    this.decisionSessions = kieBase.newKieSessionsPool(0);
  }

  /**
   * Compiles DRL sources.
   *
   * @param sources DRL text by file path relative to the rules root, e.g. {@code edu/alumni/rules/segment/segments.drl}
   * @throws RuleSetException with the Drools messages (line, column, text) when a source does not compile
   */
  public static RuleSet compile(Map<String, String> sources) {
    Map<String, String> sorted = new TreeMap<>(sources);
    KieServices kie = KieServices.Factory.get();
    ReleaseId id = kie.newReleaseId("edu.alumni.rules.runtime", "ruleset", "1." + BUILDS.incrementAndGet());
    KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(id);
    sorted.forEach((path, text) -> files.write("src/main/resources/" + path, text));
    KieBuilder builder = kie.newKieBuilder(files).buildAll();
    List<RuleMessage> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
        .map(m -> new RuleMessage(fileName(m.getPath()), m.getLine(), m.getColumn(), m.getLevel().name(),
            m.getText()))
        .toList();
    if (!errors.isEmpty()) {
      kie.getRepository().removeKieModule(id);
      throw new RuleSetException("The rules do not compile (" + errors.size() + " error(s)).", errors);
    }
    KieContainer container = kie.newKieContainer(id);
    KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
    // compile constraints to bytecode at once instead of after 20 interpreted evaluations: a segmentation run
    // starts fast instead of warming up for seconds
    configuration.setOption(ConstraintJittingThresholdOption.get(0));
    KieBase base = container.newKieBase(configuration);
    // the compiled base is all we keep; the module need not stay in the global repository
    kie.getRepository().removeKieModule(id);
    return new RuleSet(base, versionOf(sorted), Map.copyOf(sorted));
  }

  private static String fileName(String path) {
    if (path == null) {
      return null;
    }
    return path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path;
  }

  /** The content hash of the sources: {@code sha256:} and 64 hex digits. */
  public static String versionOf(Map<String, String> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(sources).forEach((path, text) -> {
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * A session for one small decision (a task's owner, a gift's class, a report's follow-ups), from a pool:
   * {@code dispose()} resets it and puts it back, so a decision does not build a session's memory anew (a new
   * session each time was a quarter of the rules' CPU per gift). Large batches (segmentation) take a new session
   * of {@link #kieBase()} instead, so the pool does not keep their memory.
   */
  public KieSession newDecisionSession() {
    return decisionSessions.newKieSession();
  }

  public String version() {
    return version;
  }

  public Map<String, String> sources() {
    return sources;
  }
}
