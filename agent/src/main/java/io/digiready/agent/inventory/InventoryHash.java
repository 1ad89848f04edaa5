package io.digiready.agent.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.software.SoftwareMapper;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of an inventory's content without the figures that move on their own (collection time,
 * free space, boot time, link state), so that only a real change of hardware, OS, software,
 * protection or updates sends it again.
 */
public final class InventoryHash {
  private static final ObjectMapper JSON = Json.mapper();

  private InventoryHash() {}

  public static String of(Inventory inv) {
    Inventory stable =
        new Inventory(
            inv.schemaVersion(),
            inv.agentVersion(),
            null,
            inv.hostname(),
            inv.system(),
            inv.baseboard(),
            inv.firmware(),
            inv.processor(),
            inv.memory(),
            inv.disks(),
            inv.fileSystems().stream()
                .map(fs -> new Inventory.FileSystem(fs.mount(), fs.type(), fs.totalBytes(), null))
                .toList(),
            inv.networkInterfaces().stream()
                .map(
                    n ->
                        new Inventory.NetworkInterface(
                            n.name(),
                            n.displayName(),
                            n.mac(),
                            List.of(),
                            List.of(),
                            null,
                            null,
                            n.virtual()))
                .toList(),
            inv.os() == null
                ? null
                : new Inventory.OperatingSystem(
                    inv.os().family(),
                    inv.os().manufacturer(),
                    inv.os().version(),
                    inv.os().build(),
                    inv.os().bitness(),
                    null),
            null, // hashed on its own below: up to 2,000 entries
            inv.protection(),
            inv.updates());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(JSON.writeValueAsBytes(stable));
      String software = SoftwareMapper.hash(inv.software());
      digest.update((software == null ? "-" : software).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest.digest());
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
