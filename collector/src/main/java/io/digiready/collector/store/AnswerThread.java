package io.digiready.collector.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that completes a committed group's futures for the writer: completing one runs what
 * waits on it (for a heartbeat, writing the HTTP answer), which took about 40 % of the writer
 * thread's time at the ingest ceiling.
 */
final class AnswerThread {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerThread.class);

  private final ExecutorService answers =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "digiready-answers");
            t.setDaemon(true);
            return t;
          });
  private final GroupCommitWriter.AnswerScope scope;

  AnswerThread(GroupCommitWriter.AnswerScope scope) {
    this.scope = scope;
  }

  /** Completes these, in order, within the scope, on the answer thread. */
  void answer(List<Runnable> completions) {
    Runnable job = () -> scope.run(() -> completions.forEach(AnswerThread::complete));
    try {
      answers.execute(job);
    } catch (RejectedExecutionException e) {
      // Closed while the writer outlived close()'s wait: committed work is still answered.
      job.run();
    }
  }

  private static void complete(Runnable completion) {
    try {
      completion.run();
    } catch (RuntimeException e) {
      // What waits on a future runs inside complete(); one failing must not silence the others.
      LOG.error("answering a committed write failed", e);
    }
  }

  /** Answers what was handed over and ends the thread, waiting at most {@code timeout}. */
  void close(Duration timeout) throws InterruptedException {
    answers.shutdown();
    answers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
