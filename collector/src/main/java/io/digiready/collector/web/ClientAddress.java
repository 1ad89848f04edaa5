package io.digiready.collector.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Who sent a request. The TCP peer, unless the peer is a balancer named in {@code trustedProxies}:
 * then the address it appended to {@code X-Forwarded-For} (the last one; a client can put anything
 * before it). A request that names a forwarder but came from a peer not trusted has no known
 * client: something in between is not ours, and it must not pass for the collector's own host.
 */
final class ClientAddress {
  private final Set<String> trusted;

  ClientAddress(List<String> trustedProxies) {
    this.trusted = Set.copyOf(trustedProxies.stream().map(ClientAddress::canonical).toList());
  }

  /** The client's address literal, or null when it cannot be known. */
  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (peer != null && trusted.contains(canonical(peer))) {
      return lastForwardedFor(ctx);
    }
    boolean forwarded =
        ctx.header("Forwarded") != null
            || ctx.header("X-Forwarded-For") != null
            || ctx.header("X-Real-IP") != null;
    return forwarded ? null : peer;
  }

  private static String lastForwardedFor(Context ctx) {
    List<String> headers = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    if (headers.isEmpty()) {
      return null;
    }
    String[] hops = headers.get(headers.size() - 1).split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() ? null : last;
  }

  /** True for a loopback address literal (127.0.0.0/8, ::1); never a name lookup. */
  static boolean loopback(String address) {
    if (address == null) {
      return false;
    }
    String literal = address.replace("[", "").replace("]", "");
    boolean v4 = literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = literal.indexOf(':') >= 0 && literal.matches("[0-9a-fA-F:.]+(%[\\w.-]+)?");
    if (!v4 && !v6) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike). */
  private static String canonical(String address) {
    String literal = address.replace("[", "").replace("]", "");
    try {
      if (literal.matches("[0-9a-fA-F:.]+")) {
        return InetAddress.getByName(literal).getHostAddress();
      }
    } catch (UnknownHostException e) {
      // not an address literal: compared as written
    }
    return literal;
  }
}
