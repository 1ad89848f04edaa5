package io.digiready.collector.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The status page: static files from the classpath folder {@code web/}, with no request to any
 * other host. The page itself holds no data; it signs in with a token and reads the JSON API.
 */
final class PageRoutes {
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "json", "application/json; charset=utf-8",
          "png", "image/png",
          "ico", "image/x-icon");

  /** Scripts, styles and images only from this collector; no inline script, no framing. */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private static final Map<String, Optional<byte[]>> CACHE = new ConcurrentHashMap<>();

  private PageRoutes() {}

  static void register(RoutesConfig r) {
    r.get("/", ctx -> serve(ctx, "index.html"));
    r.get("/ui/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
  }

  private static void serve(Context ctx, String file) {
    String type = type(file);
    byte[] body =
        FILE.matcher(file).matches() && !file.contains("..") && type != null
            ? CACHE.computeIfAbsent(file, PageRoutes::load).orElse(null)
            : null;
    if (body == null) {
      throw ApiException.notFound("path: no such page file");
    }
    ctx.header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        // The files change with each release; revalidating keeps an upgraded collector consistent.
        .header("Cache-Control", "no-cache")
        .contentType(type)
        .result(body);
  }

  private static String type(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static Optional<byte[]> load(String file) {
    try (InputStream in = PageRoutes.class.getResourceAsStream("/web/" + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read page file " + file, e);
    }
  }
}
