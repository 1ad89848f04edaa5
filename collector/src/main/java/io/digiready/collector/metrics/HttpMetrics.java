package io.digiready.collector.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,uri,status}}, with {@code uri} the matched route
 * template (never the raw path), so label values stay bounded. Timers are looked up once per label
 * set, not built on every request.
 */
public final class HttpMetrics implements MeterBinder {
  private MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String method, String uri, int status, long nanos) {
    timers
        .computeIfAbsent(
            method + ' ' + uri + ' ' + status,
            k ->
                Timer.builder(MetricNames.HTTP_REQUESTS)
                    .description("HTTP requests by method, route template and status")
                    .tags("method", method, "uri", uri, "status", String.valueOf(status))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
