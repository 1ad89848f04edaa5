package io.digiready.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest SMTP server Alertmanager will hand a mail to: on 127.0.0.1, no STARTTLS, no
 * authentication, every mail kept as received. {@link Mail} decodes what a reader sees: the
 * subject's RFC 2047 words and the quoted-printable text part.
 */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final BlockingQueue<String> mails = new LinkedBlockingQueue<>();
  private final Thread acceptor;

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The next mail received, waiting at most {@code timeout}. */
  Mail next(Duration timeout) throws InterruptedException {
    String raw = mails.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (raw == null) {
      throw new AssertionError("no mail within " + timeout);
    }
    return new Mail(raw);
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(30_000);
        converse(s);
      } catch (IOException e) {
        // closed, or a client that went away: wait for the next one
      }
    }
  }

  private void converse(Socket s) throws IOException {
    var in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    OutputStream out = s.getOutputStream();
    reply(out, "220 127.0.0.1 digiready test sink");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO", "HELO" -> reply(out, "250 127.0.0.1");
        case "DATA" -> {
          reply(out, "354 end with <CRLF>.<CRLF>");
          ByteArrayOutputStream data = new ByteArrayOutputStream();
          String l;
          while ((l = in.readLine()) != null && !l.equals(".")) {
            data.writeBytes(
                (l.startsWith("..") ? l.substring(1) : l).getBytes(StandardCharsets.ISO_8859_1));
            data.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          mails.add(data.toString(StandardCharsets.ISO_8859_1));
          reply(out, "250 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 ok"); // MAIL FROM, RCPT TO, RSET, NOOP
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** One received mail: raw bytes kept as ISO-8859-1 characters, decoded on demand. */
  record Mail(String raw) {
    private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([qQbB])\\?([^?]*)\\?=");

    /** The headers, unfolded, before the first empty line. */
    List<String> headers() {
      String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
      List<String> headers = new ArrayList<>();
      for (String line : head.split("\r\n")) {
        if (!headers.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
          headers.set(headers.size() - 1, headers.get(headers.size() - 1) + line);
        } else {
          headers.add(line);
        }
      }
      return headers;
    }

    String header(String name) {
      return headers().stream()
          .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(h -> h.substring(name.length() + 1).strip())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " header in\n" + raw));
    }

    /** The subject as a reader sees it: RFC 2047 encoded words decoded and joined. */
    String subject() {
      String value = header("Subject").replaceAll("\\?=\\s+=\\?", "?==?");
      Matcher m = WORD.matcher(value);
      StringBuilder decoded = new StringBuilder();
      while (m.find()) {
        if (!m.group(2).equalsIgnoreCase("q")) {
          throw new AssertionError("unexpected encoding in " + value);
        }
        m.appendReplacement(
            decoded, Matcher.quoteReplacement(quotedPrintable(m.group(3).replace('_', ' '))));
      }
      m.appendTail(decoded);
      return decoded.toString();
    }

    /** The text/plain part, quoted-printable decoded as UTF-8. */
    String text() {
      int type = raw.indexOf("Content-Type: text/plain");
      if (type < 0) {
        throw new AssertionError("no text/plain part in\n" + raw);
      }
      Matcher boundary = Pattern.compile("boundary=\"?([^\";\r\n]+)").matcher(raw);
      String delimiter = boundary.find() ? "\r\n--" + boundary.group(1) : "\r\n\r\n\r\n";
      int start = raw.indexOf("\r\n\r\n", type) + 4;
      int end = raw.indexOf(delimiter, start);
      return quotedPrintable(raw.substring(start, end < 0 ? raw.length() : end))
          .replace("\r\n", "\n");
    }

    long parts(String contentType) {
      return Pattern.compile("Content-Type: " + Pattern.quote(contentType))
          .matcher(raw)
          .results()
          .count();
    }

    private static String quotedPrintable(String text) {
      String joined = text.replace("=\r\n", "");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int i = 0; i < joined.length(); i++) {
        char c = joined.charAt(i);
        if (c == '=' && i + 2 < joined.length()) {
          try {
            bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
            i += 2;
            continue;
          } catch (NumberFormatException e) {
            // a lone '=': kept as it is
          }
        }
        bytes.write((byte) c);
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
