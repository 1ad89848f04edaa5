package io.digiready.agent.spool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Child JVM for the kill -9 test: appends forever, printing each id once append returned. */
public final class SpoolWriterMain {
  private SpoolWriterMain() {}

  public static void main(String[] args) throws Exception {
    try (Spool spool =
        Spool.open(Path.of(args[0]), 1L << 30, Duration.ofDays(30), Clock.systemUTC())) {
      for (long n = 1; ; n++) {
        long id = spool.appendHeartbeat(SpoolCrashTest.payload(n));
        System.out.println(id);
        System.out.flush();
      }
    }
  }
}
