package io.digiready.collector.store;

import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.protocol.ProbeKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The integer keys the rollup and raw tables use instead of text ids: machine id to {@code mid},
 * unit code to {@code uid}, probe kind and target to {@code target_id}. Loaded at start, extended
 * by the writer after each commit, read by any thread.
 */
final class StoreKeys {
  /**
   * Probe targets come from agents, so their number is capped: past it, a new target is stored as
   * "other" (id 0) instead of growing the dictionary without bound.
   */
  static final int MAX_TARGETS = 10_000;

  static final int OTHER_TARGET = 0;

  final Map<String, Long> mids = new ConcurrentHashMap<>();
  final Map<String, Long> uids = new ConcurrentHashMap<>();
  final Map<TargetKey, Integer> targetIds = new ConcurrentHashMap<>();
  final Map<Integer, Target> targets = new ConcurrentHashMap<>();

  /**
   * A probe's kind and target. A record rather than one concatenated string: the writer looks up
   * every probe of every heartbeat, and the target string's hash is then computed once per parsed
   * heartbeat instead of a new string's hash at every lookup.
   */
  record TargetKey(ProbeKind kind, String target) {}

  static TargetKey targetKey(ProbeKind kind, String target) {
    return new TargetKey(kind, target);
  }

  Target target(int id) {
    return targets.get(id);
  }
}
