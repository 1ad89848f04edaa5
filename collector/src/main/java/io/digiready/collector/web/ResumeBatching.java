package io.digiready.collector.web;

import io.digiready.collector.store.GroupCommitWriter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pool task per committed group instead of one thread wake-up per answer.
 *
 * <p>When an answer is written from outside Jetty's threads (heartbeats are answered by the
 * writer's answer thread after their commit), Jetty hands the connection to a pool thread to read
 * its next request. At the ingest ceiling that woke a thread for every request, which then found
 * nothing to read yet and went back to sleep: about a tenth of the collector's CPU. Inside {@link
 * #run} the hand-overs are gathered instead and run one after the other by a single pool task.
 *
 * <p>A client that has already sent its next request has it read and handled inside that task, as
 * it would be on the thread Jetty would have woken. A heartbeat only queues there; a request that
 * waits (an inventory report waits for its commit) delays the connections after it, so once the
 * task has run for {@link #SHARE_AFTER_NANOS} the rest go to the pool one by one, as before.
 */
public final class ResumeBatching implements GroupCommitWriter.AnswerScope {
  private static final Logger LOG = LoggerFactory.getLogger(ResumeBatching.class);

  static final long SHARE_AFTER_NANOS = 2_000_000;

  private final ThreadLocal<List<Runnable>> gathering = new ThreadLocal<>();
  private volatile Pool pool;

  /** The server's thread pool; its {@code execute} gathers while {@link #run} is running. */
  QueuedThreadPool threadPool(int maxThreads, int minThreads, int idleTimeoutMillis) {
    pool = new Pool(maxThreads, minThreads, idleTimeoutMillis);
    return pool;
  }

  @Override
  public void run(Runnable answers) {
    Pool p = pool;
    if (p == null || gathering.get() != null) {
      answers.run();
      return;
    }
    List<Runnable> gathered = new ArrayList<>();
    gathering.set(gathered);
    try {
      answers.run();
    } finally {
      gathering.remove();
      if (!gathered.isEmpty()) {
        p.executeNow(() -> runAll(p, gathered));
      }
    }
  }

  private static void runAll(Pool p, List<Runnable> tasks) {
    long start = System.nanoTime();
    for (int i = 0; i < tasks.size(); i++) {
      if (System.nanoTime() - start > SHARE_AFTER_NANOS) {
        tasks.subList(i, tasks.size()).forEach(p::executeNow);
        return;
      }
      try {
        tasks.get(i).run();
      } catch (RuntimeException e) {
        LOG.warn("resuming a connection failed", e);
      }
    }
  }

  private final class Pool extends QueuedThreadPool {
    Pool(int maxThreads, int minThreads, int idleTimeoutMillis) {
      super(maxThreads, minThreads, idleTimeoutMillis);
    }

    @Override
    public void execute(Runnable job) {
      List<Runnable> gathered = gathering.get();
      if (gathered != null) {
        gathered.add(job);
      } else {
        super.execute(job);
      }
    }

    void executeNow(Runnable job) {
      super.execute(job);
    }
  }
}
