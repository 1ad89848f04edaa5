package io.digiready.collector.store;

import io.digiready.collector.metrics.MetricNames;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes. Request threads hand it work; it runs everything pending in one
 * transaction (a savepoint per request, so one failing request does not undo the others), commits
 * once, and only then applies the in-memory effects. With {@code synchronous=FULL} one fsync thus
 * covers a whole group of reports.
 *
 * <p>The group's futures are completed on a second thread, the answer thread: completing one runs
 * what waits on it (for a heartbeat, writing the HTTP answer), which took about 40 % of the writer
 * thread's time at the ingest ceiling. The writer starts the next group meanwhile.
 */
public final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_GROUP = 2000;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** Work done inside the transaction; its result is handed to {@code afterCommit}. */
  public interface Work<R> {
    R run(Tx tx) throws Exception;
  }

  /**
   * {@code machineId}: the machine whose row the work reads first (a heartbeat), or null; {@code
   * tokenId}: the enrollment token whose row it updates first (an enrollment), or null.
   */
  private record Op<R>(
      String machineId,
      String tokenId,
      Work<R> work,
      Consumer<R> afterCommit,
      CompletableFuture<R> future) {
    void fail(Throwable t) {
      future.completeExceptionally(t);
    }
  }

  private final Store store;
  private final BlockingQueue<Op<?>> queue;
  private final Thread thread;
  private final Timer commitTimer;
  private final DistributionSummary groupSize;
  private volatile boolean running = true;
  private volatile Throwable death;
  private volatile String lastFailure = "";
  private volatile boolean lastCommitFailed;
  private final Consumer<Throwable> onDeath;
  private final Duration answerTimeout;
  private final AnswerThread answers;

  /**
   * Runs the answers of one committed group on the answer thread; the HTTP layer wraps them so that
   * the follow-up work they cause in Jetty becomes one task (see {@code ResumeBatching}).
   */
  @FunctionalInterface
  public interface AnswerScope {
    AnswerScope DIRECT = Runnable::run;

    void run(Runnable answers);
  }

  public GroupCommitWriter(Store store, int capacity, MeterRegistry registry) {
    this(store, capacity, registry, cause -> {});
  }

  /**
   * @param onDeath called once, on the writer thread, if it dies of anything but a database failure
   *     (an {@link Error} such as {@link OutOfMemoryError}, a bug): nothing can be written any
   *     more, so the owner should end the process and let the service manager restart it.
   */
  public GroupCommitWriter(
      Store store, int capacity, MeterRegistry registry, Consumer<Throwable> onDeath) {
    this(store, capacity, registry, onDeath, AnswerScope.DIRECT);
  }

  /** As above, with the scope each group's answers run in. */
  public GroupCommitWriter(
      Store store,
      int capacity,
      MeterRegistry registry,
      Consumer<Throwable> onDeath,
      AnswerScope answerScope) {
    this(store, capacity, registry, onDeath, answerScope, ANSWER_TIMEOUT);
  }

  /** As above, with the time a request waits for its commit before it is answered 503. */
  GroupCommitWriter(
      Store store,
      int capacity,
      MeterRegistry registry,
      Consumer<Throwable> onDeath,
      AnswerScope answerScope,
      Duration answerTimeout) {
    this.store = store;
    this.onDeath = onDeath;
    this.answerTimeout = answerTimeout;
    this.answers = new AnswerThread(answerScope);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.commitTimer =
        Timer.builder(MetricNames.WRITER_COMMIT)
            .description("Time to commit one group of writes, fsync included")
            .register(registry);
    this.groupSize =
        DistributionSummary.builder(MetricNames.WRITER_GROUP_SIZE)
            .description("Requests committed together in one transaction")
            .register(registry);
    Gauge.builder(MetricNames.WRITER_QUEUE_DEPTH, queue, BlockingQueue::size)
        .description("Writes waiting for the writer thread")
        .register(registry);
    this.thread = new Thread(this::loop, "digiready-writer");
    thread.start();
  }

  /** Queues work; throws {@link QueueFullException} at once when the queue is full. */
  public <R> CompletableFuture<R> submit(Work<R> work, Consumer<R> afterCommit) {
    return submit(null, null, work, afterCommit);
  }

  private <R> CompletableFuture<R> submit(
      String machineId, String tokenId, Work<R> work, Consumer<R> afterCommit) {
    CompletableFuture<R> future = new CompletableFuture<>();
    if (death != null) {
      throw new StorageUnavailableException("the writer has stopped", death);
    }
    Op<R> op = new Op<>(machineId, tokenId, work, afterCommit, future);
    if (!running || !queue.offer(op)) {
      throw new QueueFullException();
    }
    if (death != null) {
      // Died while this was being queued: its last drain may have missed it.
      queue.remove(op);
      op.fail(new StorageUnavailableException("the writer has stopped", death));
    }
    return future;
  }

  /**
   * Queues work without waiting: the future completes on the answer thread once the group is
   * committed (and {@code afterCommit} applied), or fails with {@link StorageUnavailableException}
   * when the commit has not come in time. A request thread that returns such a future to Javalin is
   * free at once instead of parked until the commit.
   */
  public <R> CompletableFuture<R> submitWithDeadline(Work<R> work, Consumer<R> afterCommit) {
    return withDeadline(submit(null, null, work, afterCommit));
  }

  /**
   * As above, for work that first reads machine {@code machineId}'s row: a group's rows are read
   * and locked in one statement ({@link Tx.Machines#lockAll}), not one round trip per request.
   */
  public <R> CompletableFuture<R> submitWithDeadline(
      String machineId, Work<R> work, Consumer<R> afterCommit) {
    return withDeadline(submit(machineId, null, work, afterCommit));
  }

  private <R> CompletableFuture<R> withDeadline(CompletableFuture<R> submitted) {
    return submitted
        .orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause instanceof TimeoutException) {
                throw new StorageUnavailableException("the write did not finish in time", cause);
              }
              throw e instanceof CompletionException c ? c : new CompletionException(e);
            });
  }

  /**
   * Queues work and waits for its commit, with the same deadline as {@link #submitWithDeadline};
   * the work's own exception is rethrown as is.
   */
  public <R> R call(Work<R> work, Consumer<R> afterCommit) {
    return call(null, work, afterCommit);
  }

  /**
   * As above, for work that first counts a use of enrollment token {@code tokenId}: a group's token
   * rows are locked in key order before its work runs ({@link Tx.Tokens#lockEnrollments}), so that
   * two collectors enrolling through the same tokens cannot deadlock.
   */
  public <R> R call(String tokenId, Work<R> work, Consumer<R> afterCommit) {
    try {
      return withDeadline(submit(null, tokenId, work, afterCommit)).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted", e);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      out.append(" <- ").append(c.getMessage());
    }
    return out.toString();
  }

  public boolean healthy() {
    return running && death == null && !lastCommitFailed;
  }

  /** False once the writer thread has died: nothing will be written until a restart. */
  public boolean alive() {
    return death == null;
  }

  public int queueDepth() {
    return queue.size();
  }

  private void loop() {
    List<Op<?>> group = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Op<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        runGroup(group);
      } catch (InterruptedException e) {
        running = false;
      } catch (RuntimeException e) {
        LOG.error("writer group failed", e);
        group.forEach(op -> op.fail(new StorageUnavailableException("write failed", e)));
      } catch (Throwable e) {
        die(e, group);
        return;
      } finally {
        group.clear();
      }
    }
  }

  /**
   * The writer thread cannot go on (an Error, an OutOfMemoryError without the JVM flag that ends
   * the process): every waiting request gets a 503 now instead of a timeout, health turns red, and
   * the owner is told so that it can end the process cleanly.
   */
  private void die(Throwable cause, List<Op<?>> group) {
    death = cause;
    running = false;
    try {
      LOG.error("the writer thread died; nothing can be written until a restart", cause);
      StorageUnavailableException e =
          new StorageUnavailableException("the writer has stopped", cause);
      group.forEach(op -> op.fail(e));
      for (Op<?> op = queue.poll(); op != null; op = queue.poll()) {
        op.fail(e);
      }
    } finally {
      onDeath.accept(cause);
    }
  }

  private void runGroup(List<Op<?>> group) {
    long start = System.nanoTime();
    Tx tx;
    try {
      tx = store.begin();
    } catch (StorageUnavailableException e) {
      markFailed(group, e);
      return;
    }
    List<Object> results = new ArrayList<>(group.size());
    try {
      tx.tokens()
          .lockEnrollments(
              group.stream().map(Op::tokenId).filter(Objects::nonNull).distinct().toList());
      tx.machines()
          .lockAll(group.stream().map(Op::machineId).filter(Objects::nonNull).distinct().toList());
      for (Op<?> op : group) {
        results.add(runOne(tx, op));
      }
      tx.commit();
    } catch (SQLException e) {
      tx.rollback();
      markFailed(group, e);
      return;
    } catch (RuntimeException | Error e) {
      // Nothing of the group may stay half-written on the connection.
      try {
        tx.rollback();
      } catch (RuntimeException | Error ignored) {
        // the original failure is what matters
      }
      throw e;
    }
    lastCommitFailed = false;
    commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    groupSize.record(group.size());
    // In commit order on this thread: the next group's work sees this group's effects.
    List<Runnable> answered = new ArrayList<>(group.size());
    for (int i = 0; i < group.size(); i++) {
      Runnable answer = applyInMemory(group.get(i), results.get(i));
      if (answer != null) {
        answered.add(answer);
      }
    }
    if (!answered.isEmpty()) {
      answers.answer(answered);
    }
  }

  private static final Object FAILED = new Object();

  private Object runOne(Tx tx, Op<?> op) throws SQLException {
    tx.savepoint();
    try {
      Object result = op.work().run(tx);
      tx.releaseSavepoint();
      return result;
    } catch (SQLException e) {
      // The database itself failed (full, read-only, I/O): the whole group is lost.
      throw e;
    } catch (Exception e) {
      tx.rollbackToSavepoint();
      op.fail(e);
      return FAILED;
    }
  }

  /** Applies a committed op in memory; returns what completes its future, or null if failed. */
  @SuppressWarnings("unchecked")
  private static <R> Runnable applyInMemory(Op<R> op, Object result) {
    if (result == FAILED) {
      return null;
    }
    try {
      if (op.afterCommit() != null) {
        op.afterCommit().accept((R) result);
      }
      return () -> op.future().complete((R) result);
    } catch (RuntimeException e) {
      LOG.error("applying a committed write in memory failed", e);
      op.future().completeExceptionally(e);
      return null;
    }
  }

  private void markFailed(List<Op<?>> group, Exception cause) {
    String reason = describe(cause);
    // Once per distinct reason: a full disk would otherwise log on every request.
    if (!lastCommitFailed || !reason.equals(lastFailure)) {
      LOG.error("database write failed, answering 503 until it works again: {}", reason);
    }
    lastFailure = reason;
    lastCommitFailed = true;
    StorageUnavailableException e =
        new StorageUnavailableException("the database cannot take writes", cause);
    group.forEach(op -> op.fail(e));
  }

  /** Stops taking work, commits what is queued, answers it, and waits for both threads to end. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(answerTimeout.toMillis());
      answers.close(answerTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
