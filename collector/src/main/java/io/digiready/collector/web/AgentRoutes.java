package io.digiready.collector.web;

import io.digiready.collector.ingest.AgentConfigs;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.ProtocolValidator;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The agent API: enrol, heartbeats, inventory, agent-config. */
final class AgentRoutes {
  private AgentRoutes() {}

  static void register(RoutesConfig r, Services s) {
    r.post(
        "/api/v1/enroll",
        ctx -> {
          EnrollRequest request = Bodies.json(ctx, EnrollRequest.class);
          ProtocolValidator.enrollRequest(request, s.clock().instant());
          Responses.json(ctx, 201, s.enroll().enroll(request));
        });
    r.post(
        "/api/v1/heartbeats",
        ctx -> {
          String machineId = s.auth().requireAgent(ctx);
          HeartbeatBatch batch = Bodies.json(ctx, HeartbeatBatch.class);
          ProtocolValidator.heartbeatBatch(batch, s.clock().instant());
          Responses.json(ctx, 200, s.heartbeats().report(machineId, batch));
        });
    r.post(
        "/api/v1/inventory",
        ctx -> {
          String machineId = s.auth().requireAgent(ctx);
          InventoryReport report = Bodies.json(ctx, InventoryReport.class);
          ProtocolValidator.inventoryReport(report, s.clock().instant());
          Responses.json(ctx, 200, Map.of("changed", s.inventory().report(machineId, report)));
        });
    r.get(
        "/api/v1/agent-config",
        ctx -> {
          s.auth().requireAgent(ctx);
          Responses.json(ctx, 200, AgentConfigs.of(s.config()));
        });
  }
}
