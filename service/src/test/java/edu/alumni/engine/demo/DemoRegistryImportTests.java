package edu.alumni.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.HttpTestSupport;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A generated registry passes the service's own validation: imported over HTTP, nothing is rejected. */
@Tag("database")
class DemoRegistryImportTests extends HttpTestSupport {

  @Test
  void twoThousandGeneratedAlumniAndTheirGiftsImportWithoutARejectedRow() throws Exception {
    cleanRegistry();
    // "today" of the service's clock (alumni.time-zone), so the as-of date is never after the service's today
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    StringWriter alumniCsv = new StringWriter();
    StringWriter giftsCsv = new StringWriter();
    DemoRegistryGenerator.Totals totals = new DemoRegistryGenerator(7L, today).write(2_000, alumniCsv, giftsCsv);

    Response alumni = postCsv("/api/alumni/import", alumniCsv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    assertThat(alumni.json().get("rejected").asInt()).isZero();
    assertThat(alumni.json().get("imported").asInt()).isEqualTo(2_000);

    Response gifts = postCsv("/api/gifts/import", giftsCsv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
    assertThat(gifts.json().get("rejected").asInt()).isZero();
    assertThat(gifts.json().get("imported").asLong()).isEqualTo(totals.gifts());

    assertThat(count("alumnus")).isEqualTo(2_000);
    assertThat(count("gift")).isEqualTo(totals.gifts());
    // the cities mapped to every chapter
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT chapter_code) FROM alumnus", Long.class)).isEqualTo(12);

    // the same files again change nothing
    Response again = postCsv("/api/alumni/import", alumniCsv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(again.json().get("unchanged").asInt()).isEqualTo(2_000);
    Response giftsAgain = postCsv("/api/gifts/import", giftsCsv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(giftsAgain.json().get("duplicates").asLong()).isEqualTo(totals.gifts());
    cleanRegistry();
  }
}
