package edu.alumni.engine.rulebook;

import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rule files managers change: list, read, upload a new version, reactivate an earlier one. */
@RestController
@RequestMapping("/api/rules")
class RuleController {

  private final RuleBook rules;

  RuleController(RuleBook rules) {
    this.rules = rules;
  }

  @GetMapping
  List<RuleVersion> listActive() {
    return rules.activeVersions();
  }

  @GetMapping(path = "/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
  String getActiveText(@PathVariable String name) {
    return rules.activeText(name);
  }

  @GetMapping("/{name}/versions")
  List<RuleVersion> listVersions(@PathVariable String name) {
    return rules.versions(name);
  }

  @GetMapping(path = "/{name}/versions/{versionNo}", produces = MediaType.TEXT_PLAIN_VALUE)
  String getVersionText(@PathVariable String name, @PathVariable int versionNo) {
    return rules.text(name, versionNo);
  }

  @PutMapping(path = "/{name}", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/x-drl", "text/x-drl"})
  RuleVersion upload(@PathVariable String name, @RequestBody String drl,
      @RequestParam(required = false) String comment, Principal user) {
    return rules.upload(name, drl, user.getName(), comment);
  }

  @PostMapping("/{name}/versions/{versionNo}/activate")
  RuleVersion activate(@PathVariable String name, @PathVariable int versionNo, Principal user) {
    return rules.activate(name, versionNo, user.getName());
  }
}
