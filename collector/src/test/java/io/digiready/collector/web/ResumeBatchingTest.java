package io.digiready.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResumeBatchingTest {
  private final ResumeBatching resumes = new ResumeBatching();
  private QueuedThreadPool pool;

  @BeforeEach
  void start() throws Exception {
    pool = resumes.threadPool(16, 2, 60_000);
    pool.start();
  }

  @AfterEach
  void stop() throws Exception {
    pool.stop();
  }

  private Runnable record(List<String> log, String name, CountDownLatch done) {
    return () -> {
      log.add(name + " on " + Thread.currentThread().getName());
      done.countDown();
    };
  }

  @Test
  void tasks_handed_to_the_pool_while_answering_run_afterwards_as_one_pool_task_in_order()
      throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    List<String> seenWhileAnswering = new CopyOnWriteArrayList<>();

    resumes.run(
        () -> {
          pool.execute(record(log, "a", done));
          pool.execute(record(log, "b", done));
          pool.execute(record(log, "c", done));
          seenWhileAnswering.addAll(log);
        });

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seenWhileAnswering).isEmpty();
    String thread = log.get(0).substring("a on ".length());
    assertThat(thread).isNotEqualTo(Thread.currentThread().getName());
    assertThat(log).containsExactly("a on " + thread, "b on " + thread, "c on " + thread);
  }

  @Test
  void outside_an_answer_scope_the_pool_runs_tasks_as_usual() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    // A task that waits does not keep a second one from running: they are not gathered.
    pool.execute(
        () -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    pool.execute(record(log, "a", done));

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    assertThat(log).hasSize(1);
  }

  @Test
  void after_a_slow_task_the_rest_are_shared_out_so_one_wait_does_not_delay_them_all()
      throws Exception {
    CountDownLatch lastRan = new CountDownLatch(1);
    CountDownLatch secondSawLast = new CountDownLatch(1);

    resumes.run(
        () -> {
          pool.execute(
              () -> {
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
          // Run one after the other, this task would wait for the next one in vain.
          pool.execute(
              () -> {
                try {
                  if (lastRan.await(10, TimeUnit.SECONDS)) {
                    secondSawLast.countDown();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
          pool.execute(lastRan::countDown);
        });

    assertThat(secondSawLast.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void without_a_server_thread_pool_answers_simply_run() {
    List<String> log = new CopyOnWriteArrayList<>();
    new ResumeBatching().run(() -> log.add("answered"));
    assertThat(log).containsExactly("answered");
  }
}
