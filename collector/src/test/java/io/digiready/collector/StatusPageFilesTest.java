package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page's files: served from the jar, no data without a token, nothing from elsewhere.
 */
class StatusPageFilesTest {
  @TempDir Path dir;
  TestCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void the_page_and_every_file_it_names_are_served_with_a_strict_policy() {
    Http.Answer page = c.http.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html").contains("utf-8");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.body()).contains("<meta charset=\"utf-8\">");

    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    int files = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref).as("no outside host").doesNotContain("//");
      if (ref.startsWith("/ui/")) {
        Http.Answer file = c.http.get(ref, null);
        assertThat(file.status()).as(ref).isEqualTo(200);
        files++;
      }
    }
    assertThat(files).isGreaterThanOrEqualTo(2);
    assertThat(c.http.get("/ui/app.js", null).header("Content-Type")).startsWith("text/javascript");
    assertThat(c.http.get("/ui/app.css", null).header("Content-Type")).startsWith("text/css");
  }

  @Test
  void no_file_outside_the_page_folder_and_no_unknown_type_is_served() {
    for (String path :
        List.of(
            "/ui/..%2Fdb%2FV001__init.sql",
            "/ui/%2e%2e%2fsimplelogger.properties",
            "/ui/nothing.js",
            "/ui/app.js.map",
            "/ui/.hidden.css",
            "/ui/V001__init.sql")) {
      Http.Answer a = c.http.get(path, null);
      assertThat(a.status()).as(path).isIn(400, 404);
      assertThat(a.body()).as(path).doesNotContain("CREATE TABLE");
    }
  }
}
