package edu.alumni.engine.process;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deployed processes and their versions; migration of running instances to a process's latest version. */
@RestController
@RequestMapping("/api/processes")
class ProcessController {

  private final ProcessCatalog catalog;
  private final ProcessMigration migration;

  ProcessController(ProcessCatalog catalog, ProcessMigration migration) {
    this.catalog = catalog;
    this.migration = migration;
  }

  @GetMapping
  List<ProcessSummary> list() {
    return catalog.list();
  }

  /** Moves every instance of an older version to the latest; 200 with what moved and what could not, and why. */
  @PostMapping("/{key}/migrations")
  MigrationReport migrate(@PathVariable String key, Principal user) {
    return migration.migrateToLatest(key, user.getName());
  }
}
