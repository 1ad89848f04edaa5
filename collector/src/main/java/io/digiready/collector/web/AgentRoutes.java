package io.digiready.collector.web;

import io.digiready.collector.ingest.AgentConfigs;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProtocolValidator;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The agent API but heartbeats ({@link HeartbeatRoute}): enroll, inventory, agent-config. */
final class AgentRoutes {
  private AgentRoutes() {}

  static void register(RoutesConfig r, Services s) {
    r.post(
        Endpoints.ENROLL,
        ctx -> {
          EnrollRequest request =
              Bodies.json(ctx, EnrollRequest.class, Limits.MAX_ENROLL_BODY_BYTES);
          ProtocolValidator.enrollRequest(request, s.clock().instant());
          Responses.json(ctx, 201, s.enroll().enroll(request));
        },
        Access.PUBLIC);
    // POST /api/v1/heartbeats is served before Javalin: HeartbeatRoute.
    r.post(
        Endpoints.INVENTORY,
        ctx -> {
          InventoryReport report = Bodies.json(ctx, InventoryReport.class);
          ProtocolValidator.inventoryReport(report, s.clock().instant());
          boolean changed = s.inventory().report(Auth.machineId(ctx), report);
          Responses.json(ctx, 200, Map.of("changed", changed));
        },
        Access.AGENT);
    r.get(
        Endpoints.AGENT_CONFIG,
        ctx -> Responses.json(ctx, 200, AgentConfigs.of(s.config())),
        Access.AGENT);
  }
}
