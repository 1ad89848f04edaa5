package io.digiready.collector.web;

import io.digiready.collector.problem.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The status page: static files from the classpath folder {@code web/}, with no request to any
 * other host. The page itself holds no data; it signs in with a token and reads the JSON API.
 *
 * <p>Every file is read once at start into a fixed map; a request for any other name is a 404 that
 * leaves nothing behind, so unique names cannot grow memory.
 */
final class PageRoutes {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "json", Responses.JSON,
          "png", "image/png",
          "ico", "image/x-icon");

  /** Scripts, styles and images only from this collector; no inline script, no framing. */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private record File(String type, byte[] body) {}

  private PageRoutes() {}

  static void register(Registration r) {
    Map<String, File> files = load();
    r.add(Route.PAGE, ctx -> serve(ctx, files.get("index.html")));
    r.add(Route.PAGE_FILE, ctx -> serve(ctx, files.get(ctx.pathParam("file"))));
  }

  private static void serve(Context ctx, File file) {
    if (file == null) {
      throw Problem.notFound("path", "no such page file");
    }
    ctx.header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        // The files change with each release; revalidating keeps an upgraded collector consistent.
        .header("Cache-Control", "no-cache")
        .contentType(file.type())
        .result(file.body());
  }

  private static Map<String, File> loaded;

  /**
   * The files of {@code web/} with a known type, from the jar or (in tests) a directory; read once
   * per process.
   */
  static synchronized Map<String, File> load() {
    if (loaded == null) {
      loaded = readAll();
    }
    return loaded;
  }

  private static Map<String, File> readAll() {
    try {
      URI index = PageRoutes.class.getResource("/web/index.html").toURI();
      if (index.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(index, Map.of())) {
          return read(jar.getPath("/web"));
        }
      }
      return read(Path.of(index).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the status page's files", e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("the status page's files are missing from the jar", e);
    }
  }

  private static Map<String, File> read(Path dir) throws IOException {
    Map<String, File> files = new HashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString();
        String type = type(name);
        if (type != null && Files.isRegularFile(p)) {
          files.put(name, new File(type, Files.readAllBytes(p)));
        }
      }
    }
    return Map.copyOf(files);
  }

  private static String type(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
