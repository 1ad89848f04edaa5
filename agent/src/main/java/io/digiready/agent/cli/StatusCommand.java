package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.send.SenderState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    description =
        "Print identity, collector, spool depth, dropped entries, last success and last error.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    AgentSettings s = options.load();
    Identity identity = new IdentityStore(s.stateDir()).load();
    SenderState.Snapshot st = SenderState.read(s.stateDir().resolve("sender-state.json"));
    String collector =
        s.hasCollector()
            ? s.collectorUrlText()
            : identity != null && identity.collectorUrl() != null
                ? identity.collectorUrl()
                : "(not configured)";
    line("machineId", identity == null ? "(not enrolled)" : identity.machineId());
    line("collector", collector);
    line("stateDir", s.stateDir().toString());
    line("spoolDepth", st == null ? "0" : String.valueOf(st.spoolDepth()));
    line("spoolDroppedEntries", st == null ? "0" : String.valueOf(st.spoolDroppedEntries()));
    line("lastSeq", st == null || st.lastSeq() == null ? "(none)" : String.valueOf(st.lastSeq()));
    line(
        "lastSuccess",
        st == null || st.lastSuccess() == null ? "(never)" : st.lastSuccess().toString());
    if (st == null || st.lastErrorTime() == null) {
      line("lastError", "(none)");
    } else {
      line(
          "lastError",
          st.lastErrorTime()
              + (st.lastErrorStatus() == null ? "" : " HTTP " + st.lastErrorStatus())
              + " "
              + st.lastErrorMessage());
    }
    line("stateUpdated", st == null || st.updated() == null ? "(never)" : st.updated().toString());
    return 0;
  }

  private static void line(String key, String value) {
    System.out.printf("%-20s %s%n", key + ":", value);
  }
}
