package io.digiready.collector.web;

import io.digiready.collector.ingest.AgentConfigs;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.ProtocolValidator;
import java.util.Map;

/** The agent API but heartbeats ({@link HeartbeatRoute}): enroll, inventory, agent-config. */
final class AgentRoutes {
  private AgentRoutes() {}

  static void register(Registration r, Services s) {
    r.add(
        Route.ENROLL,
        ctx -> {
          EnrollRequest request =
              Bodies.json(ctx, EnrollRequest.class, Route.ENROLL.maxBodyBytes());
          ProtocolValidator.enrollRequest(request, s.clock().instant());
          Responses.json(ctx, 201, s.enroll().enroll(request));
        });
    r.add(
        Route.INVENTORY,
        ctx -> {
          InventoryReport report = Bodies.json(ctx, InventoryReport.class);
          ProtocolValidator.inventoryReport(report, s.clock().instant());
          boolean changed = s.inventory().report(Auth.machineId(ctx), report);
          Responses.json(ctx, 200, Map.of("changed", changed));
        });
    r.add(Route.AGENT_CONFIG, ctx -> Responses.json(ctx, 200, AgentConfigs.of(s.config())));
  }
}
