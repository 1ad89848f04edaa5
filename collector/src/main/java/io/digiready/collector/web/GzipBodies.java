package io.digiready.collector.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * Gzip request bodies: Jetty's gzip handler inflates them (so every size limit applies to the
 * inflated body) and compresses large answers; the heartbeat route asks it whether it took a
 * request's body as gzip, so that the route inflates exactly the bodies Jetty would have.
 */
@SuppressWarnings("removal")
final class GzipBodies {
  private GzipBodies() {}

  /**
   * Inserts the handler. Deprecated in Jetty 12.1, but the replacement is not in Javalin's
   * dependency set.
   */
  static void insert(Server server) {
    var gzip = new org.eclipse.jetty.server.handler.gzip.GzipHandler();
    gzip.setInflateBufferSize(8192);
    server.insertHandler(gzip);
  }

  /** Whether the gzip handler decided to inflate this request's body. */
  static boolean inflating(Request request) {
    return Request.as(request, org.eclipse.jetty.server.handler.gzip.GzipRequest.class) != null;
  }
}
