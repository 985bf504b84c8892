package edu.alumni.engine.demo;

import edu.alumni.engine.alumni.AlumniImportService;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.csv.ImportReport;
import edu.alumni.engine.demo.DemoUsers.DemoUser;
import edu.alumni.engine.gift.GiftImportService;
import edu.alumni.engine.segment.SegmentationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: at start-up, after the staff groups exist, creates the missing demo accounts of
 * {@link DemoUsers} and, when the registry is empty, imports a generated registry of {@code alumni.demo.alumni}
 * alumni and their gifts through the ordinary imports, so the demo data is validated like any file, then starts a
 * segmentation run as of today (its triggers start reunions and visits). A registry that has alumni is left alone,
 * so a restart imports nothing again.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final IdentityService identity;
  private final AlumnusMapper alumni;
  private final AlumniImportService alumniImports;
  private final GiftImportService giftImports;
  private final SegmentationService segmentation;
  private final Clock clock;
  private final int count;
  private final long seed;

  public DemoDataLoader(IdentityService identity, AlumnusMapper alumni, AlumniImportService alumniImports,
      GiftImportService giftImports, SegmentationService segmentation, Clock clock,
      @Value("${alumni.demo.alumni:5000}") int count,
      @Value("${alumni.demo.seed:20261125}") long seed) {
    this.identity = identity;
    this.alumni = alumni;
    this.alumniImports = alumniImports;
    this.giftImports = giftImports;
    this.segmentation = segmentation;
    this.clock = clock;
    this.count = count;
    this.seed = seed;
  }

  @Override
  public void run(ApplicationArguments args) {
    createUsers();
    if (alumni.countAll() > 0) {
      log.info("Demo: the registry already has alumni; no demo data imported");
      return;
    }
    if (count <= 0) {
      return;
    }
    importRegistry();
    // segments, and the reunions and visits they trigger, so coordinators find work in Tasklist at once
    segmentation.start(LocalDate.now(clock), "demo");
  }

  /** Creates the demo accounts that are missing and adds any missing membership; existing passwords stay. */
  void createUsers() {
    int created = 0;
    for (DemoUser u : DemoUsers.ALL) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.email());
        user.setPassword(DemoUsers.PASSWORD);
        identity.saveUser(user);
        created++;
      }
      for (String group : u.groups()) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
          log.warn("Demo: group {} does not exist; {} is not added to it", group, u.id());
        } else if (identity.createUserQuery().userId(u.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(u.id(), group);
        }
      }
    }
    if (created > 0) {
      log.info("Demo: created {} demo accounts (password '{}')", created, DemoUsers.PASSWORD);
    }
  }

  private void importRegistry() {
    LocalDate asOf = LocalDate.now(clock);
    Path alumniCsv = null;
    Path giftsCsv = null;
    try {
      alumniCsv = Files.createTempFile("demo-alumni-", ".csv");
      giftsCsv = Files.createTempFile("demo-gifts-", ".csv");
      long started = System.nanoTime();
      DemoRegistryGenerator.Totals totals = new DemoRegistryGenerator(seed, asOf).writeFiles(count, alumniCsv,
          giftsCsv);
      ImportReport alumniReport;
      try (InputStream in = Files.newInputStream(alumniCsv)) {
        alumniReport = alumniImports.importCsv(in, false);
      }
      ImportReport giftReport;
      try (InputStream in = Files.newInputStream(giftsCsv)) {
        giftReport = giftImports.importCsv(in, false);
      }
      log.info("Demo: imported {} alumni and {} gifts ({} donors; seed {}, as of {}) in {} ms", alumniReport.imported(),
          giftReport.imported(), totals.donors(), seed, asOf, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo registry to a temporary file", e);
    } finally {
      delete(alumniCsv);
      delete(giftsCsv);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}
