package io.digiready.collector.web;

import io.digiready.collector.ingest.AgentConfigs;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProtocolValidator;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The agent API: enroll, heartbeats, inventory, agent-config. */
final class AgentRoutes {
  private AgentRoutes() {}

  static void register(RoutesConfig r, Services s) {
    r.post(
        "/api/v1/enroll",
        ctx -> {
          EnrollRequest request =
              Bodies.json(ctx, EnrollRequest.class, Limits.MAX_ENROLL_BODY_BYTES);
          ProtocolValidator.enrollRequest(request, s.clock().instant());
          Responses.json(ctx, 201, s.enroll().enroll(request));
        },
        Access.PUBLIC);
    r.post(
        "/api/v1/heartbeats",
        ctx -> {
          HeartbeatBatch batch = Bodies.json(ctx, HeartbeatBatch.class);
          ProtocolValidator.heartbeatBatch(batch, s.clock().instant());
          String machineId = Auth.machineId(ctx);
          // Answered from the writer's answer thread after the commit: no request thread waits.
          ctx.future(
              () ->
                  s.heartbeats()
                      .report(machineId, batch)
                      .thenAccept(ack -> Responses.json(ctx, 200, ack)));
        },
        Access.AGENT);
    r.post(
        "/api/v1/inventory",
        ctx -> {
          InventoryReport report = Bodies.json(ctx, InventoryReport.class);
          ProtocolValidator.inventoryReport(report, s.clock().instant());
          boolean changed = s.inventory().report(Auth.machineId(ctx), report);
          Responses.json(ctx, 200, Map.of("changed", changed));
        },
        Access.AGENT);
    r.get(
        "/api/v1/agent-config",
        ctx -> Responses.json(ctx, 200, AgentConfigs.of(s.config())),
        Access.AGENT);
  }
}
