package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.HttpTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The console's page and bundles are served without sign-in; its data calls are what is checked. */
@Tag("database")
class ConsoleWebConfigurationTests extends HttpTestSupport {

  @Test
  void pageRevalidatedBundlesCachedForGood() {
    Response page = get("/console/", null, null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<div id=\"app\">");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    Matcher script = Pattern.compile("assets/(console-[A-Z0-9]+\\.js)").matcher(page.body());
    assertThat(script.find()).as(page.body()).isTrue();
    Response bundle = get("/console/assets/" + script.group(1), null, null);
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.contentType()).contains("javascript");
    assertThat(bundle.headers().firstValue("Cache-Control")).hasValueSatisfying(v ->
        assertThat(v).contains("max-age=31536000", "immutable"));
  }

  @Test
  void withoutTheSlashRedirected() {
    Response r = get("/console", null, null);

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
  }
}
