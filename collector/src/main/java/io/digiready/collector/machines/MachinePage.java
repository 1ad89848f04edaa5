package io.digiready.collector.machines;

import io.digiready.collector.coverage.CoverageCalculator.MachineView;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.paging.Cursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * {@code GET /api/v1/machines?limit=}: a page of a subtree's machines in the list's order (unit,
 * hostname, id), {@code total} that match in all and {@code nextCursor} (null on the last page).
 * {@code state} and {@code failing} echo the filters asked for (null: none).
 */
public record MachinePage(
    String unit,
    String state,
    Boolean failing,
    int total,
    List<MachineService.Summary> machines,
    String nextCursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  static final Comparator<MachineService.Summary> ORDER =
      Comparator.comparing(MachineService.Summary::unit)
          .thenComparing(
              MachineService.Summary::hostname, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(MachineService.Summary::machineId);

  private static final Comparator<MachineView> VIEW_ORDER =
      Comparator.comparing((MachineView v) -> v.machine().unitCode())
          .thenComparing(
              v -> v.machine().identity().hostname(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(v -> v.machine().id());

  /**
   * Keeps only the first {@code offset + limit} matches in order, in a heap whose head is the last
   * of them: the ministry's first page costs one pass over its million machines and a 50-entry
   * heap, not a sort of the million.
   */
  static final class Collector {
    private final int offset;
    private final int limit;
    private final int keep;
    private final PriorityQueue<MachineView> first;
    private int total;

    Collector(int offset, int limit) {
      this.offset = offset;
      this.limit = limit;
      this.keep = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
      this.first = new PriorityQueue<>(Math.min(keep, 1024) + 1, VIEW_ORDER.reversed());
    }

    void offer(MachineView v) {
      total++;
      if (first.size() < keep) {
        first.add(v);
      } else if (VIEW_ORDER.compare(v, first.peek()) < 0) {
        first.poll();
        first.add(v);
      }
    }

    MachinePage page(
        String unit,
        MachineState state,
        Boolean failing,
        Function<MachineView, MachineService.Summary> summary) {
      List<MachineView> kept = new ArrayList<>(first);
      kept.sort(VIEW_ORDER);
      int from = Math.min(offset, kept.size());
      int to = Math.min(kept.size(), from + limit);
      List<MachineService.Summary> machines = kept.subList(from, to).stream().map(summary).toList();
      return new MachinePage(
          unit,
          state == null ? null : state.label(),
          failing,
          total,
          machines,
          offset + machines.size() < total ? Cursor.of(offset + machines.size()) : null);
    }
  }
}
