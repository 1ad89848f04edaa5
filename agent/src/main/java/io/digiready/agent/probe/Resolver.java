package io.digiready.agent.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Name resolution with a deadline. {@link InetAddress#getAllByName} has none, and a dead DNS server
 * would otherwise hold the scheduler thread far past the probe timeout. The worker threads exist
 * only while lookups run.
 */
final class Resolver {
  private static final ThreadPoolExecutor POOL =
      new ThreadPoolExecutor(
          0,
          4,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "probe-dns");
            t.setDaemon(true);
            return t;
          });

  private Resolver() {}

  static InetAddress[] resolve(String host, long timeoutMillis)
      throws UnknownHostException, TimeoutException {
    Future<InetAddress[]> lookup;
    try {
      lookup = POOL.submit(() -> InetAddress.getAllByName(host));
    } catch (RejectedExecutionException e) {
      // every worker is stuck on an earlier lookup: DNS is not answering
      throw new TimeoutException("all resolver threads busy");
    }
    try {
      return lookup.get(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException unknown) {
        throw unknown;
      }
      throw new UnknownHostException(host + ": " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    } finally {
      lookup.cancel(true);
    }
  }
}
