package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests for names under {@code /ui/} that do not exist leave nothing behind (an IT only for its
 * half minute of requests, in process): an attack run grew the heap by about 370 bytes per unique
 * name (a "not found" cache) until OutOfMemoryError.
 */
class UniquePageNamesIT {
  static final int NAMES = 200_000;
  static final int CONNECTIONS = 4;

  @TempDir Path dir;

  /** Sends {@code count} pipelined GETs of unique names on one connection; returns the 404s. */
  static int unique(int port, String prefix, int count) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      Thread writer =
          new Thread(
              () -> {
                try {
                  OutputStream out = s.getOutputStream();
                  StringBuilder batch = new StringBuilder();
                  for (int i = 0; i < count; i++) {
                    batch
                        .append("GET /ui/")
                        .append(prefix)
                        .append(i)
                        .append(".js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    if (batch.length() > 60_000 || i == count - 1) {
                      out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                      batch.setLength(0);
                    }
                  }
                  out.flush();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      int notFound = 0;
      int answers = 0;
      long length = 0;
      String line;
      while (answers < count && (line = in.readLine()) != null) {
        if (line.startsWith("HTTP/1.1 ")) {
          answers++;
          notFound += line.startsWith("HTTP/1.1 404") ? 1 : 0;
        } else if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(line.substring(15).strip());
        } else if (line.isEmpty()) {
          in.skip(length);
          length = 0;
        }
      }
      writer.join();
      return notFound;
    }
  }

  static int uniqueInParallel(int port, String prefix, int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        String p = prefix + c + "-";
        parts.add(pool.submit(() -> unique(port, p, total / CONNECTIONS)));
      }
      int notFound = 0;
      for (Future<Integer> f : parts) {
        notFound += f.get();
      }
      return notFound;
    } finally {
      pool.shutdownNow();
    }
  }

  static long heapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void two_hundred_thousand_unique_ui_names_grow_the_heap_by_less_than_5_mb() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      int port = c.collector.port();
      // Warm-up: classes, JIT, Jetty's buffers and the one request-metrics series of 404s.
      assertThat(uniqueInParallel(port, "warm", 20_000)).isEqualTo(20_000);
      long before = heapAfterGc();
      long start = System.nanoTime();
      assertThat(uniqueInParallel(port, "probe", NAMES)).isEqualTo(NAMES);
      long seconds = (System.nanoTime() - start) / 1_000_000_000;
      long after = heapAfterGc();
      long growth = after - before;
      System.out.printf(
          "%d unique /ui/ names in %d s: heap after GC %d KB -> %d KB (%+d KB)%n",
          NAMES, seconds, before / 1024, after / 1024, growth / 1024);
      assertThat(growth).as("heap growth in bytes").isLessThan(5L * 1024 * 1024);
      // The page itself still works.
      assertThat(c.http.get("/ui/app.js", null).status()).isEqualTo(200);
    }
  }
}
