package io.digiready.protocol;

/** Body of {@code POST /api/v1/inventory}: whose inventory it is, and the snapshot. */
public record InventoryReport(String machineId, Inventory inventory) {}
