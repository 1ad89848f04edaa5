package io.digiready.agent.inventory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each inventory section on a worker thread with a timeout. A section that hangs is abandoned
 * together with its thread (it cannot be interrupted inside WMI), and the next section gets a fresh
 * worker.
 */
final class Sections implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sections.class);

  private final Duration timeout;
  private ExecutorService worker;

  Sections(Duration timeout) {
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  <T> T read(String name, Callable<T> section) {
    if (worker == null) {
      worker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "inventory-section");
                t.setDaemon(true);
                return t;
              });
    }
    Future<T> future = worker.submit(section);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "event=inventory_section_timeout section={} timeoutMillis={}", name, timeout.toMillis());
      future.cancel(true);
      worker.shutdownNow();
      worker = null;
      return null;
    } catch (ExecutionException e) {
      log.warn("event=inventory_section_failed section={} reason=\"{}\"", name, e.getCause());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdown();
      worker = null;
    }
  }
}
