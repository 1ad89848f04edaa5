package io.digiready.collector.store;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import java.nio.file.Files;
import java.time.Instant;

/** Times the writer's per-heartbeat statements without HTTP. */
public final class TxSpeed {
  private TxSpeed() {}

  public static void main(String[] args) throws Exception {
    SqliteStore store = new SqliteStore(Files.createTempDirectory("tx").resolve("db"), "FULL");
    Tx tx = store.begin();
    tx.upsertUnit(new Unit("a", "A", null, "x", 1, 1, 1, null), Instant.now());
    Machine m =
        new Machine(
            "m-1",
            "a",
            "hash",
            Instant.now(),
            null,
            new Machine.Identity("PC", null, null, null, null, null),
            Machine.Liveness.enrolledAt(Instant.now()),
            Machine.Hardware.UNKNOWN);
    tx.insertMachine(m);
    tx.commit();
    for (String step :
        new String[] {"savepoint", "machine", "probe", "raw", "hour", "update", "all"}) {
      int n = 2000;
      tx = store.begin();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        switch (step) {
          case "savepoint" -> {
            tx.savepoint();
            tx.releaseSavepoint();
          }
          case "machine" -> tx.machine("m-1");
          case "probe" -> tx.addProbeHour("m-1", i, "https://x", "http", true, 80L);
          case "raw" ->
              tx.insertRawHeartbeat(
                  "m-1",
                  i + 100000L * step.length(),
                  Instant.now(),
                  "{\"a\":1,\"b\":\"" + "x".repeat(300) + "\"}");
          case "hour" -> tx.addHeartbeatHour("m-1", i, 1, 1);
          case "update" -> tx.updateMachine(m, "{\"seq\":1}");
          default -> {
            tx.savepoint();
            tx.machine("m-1");
            tx.addProbeHour("m-1", 5, "https://x", "http", true, 80L);
            tx.insertRawHeartbeat("m-1", 900000 + i, Instant.now(), "{}");
            tx.addHeartbeatHour("m-1", 5, 1, 1);
            tx.updateMachine(m, "{\"seq\":1}");
            tx.releaseSavepoint();
          }
        }
      }
      long t1 = System.nanoTime();
      tx.commit();
      System.out.printf(
          "%-9s %.1f us each, commit %.2f ms%n",
          step, (t1 - t0) / 1e3 / n, (System.nanoTime() - t1) / 1e6);
    }
    store.close();
  }
}
