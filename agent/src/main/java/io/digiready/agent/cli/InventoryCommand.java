package io.digiready.agent.cli;

import io.digiready.agent.config.AgentVersion;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.service.Wiring;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import oshi.SystemInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "inventory",
    description = "Print this machine's inventory as JSON and exit. Needs no collector.")
final class InventoryCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--with-fingerprint", description = "Also print the identity fingerprint.")
  boolean withFingerprint;

  @Override
  public Integer call() throws Exception {
    options.load();
    Readings readings = Wiring.readMachine(new SystemInfo());
    var inventory = InventoryMapper.toInventory(readings, AgentVersion.version(), Instant.now());
    if (withFingerprint) {
      Map<String, Object> both = new LinkedHashMap<>();
      both.put("inventory", inventory);
      both.put("fingerprint", InventoryMapper.toFingerprint(readings));
      Commands.printJson(System.out, both);
    } else {
      Commands.printJson(System.out, inventory);
    }
    return 0;
  }
}
