package io.digiready.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digiready.collector.fleet.Unit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
  @TempDir Path dir;

  static Unit unit(String code) {
    return new Unit(code, "Xã " + code, null, "commune", 1, 1.0, 0.98, null, 1.0, null);
  }

  @Test
  void a_full_queue_refuses_work_at_once_instead_of_growing() throws Exception {
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer = new GroupCommitWriter(store, 1, new SimpleMeterRegistry())) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch running = new CountDownLatch(1);
      CompletableFuture<Object> blocker =
          writer.submit(
              tx -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
              },
              null);
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Integer> queued = writer.submit(tx -> 1, null);
      assertThatThrownBy(() -> writer.submit(tx -> 2, null)).isInstanceOf(QueueFullException.class);
      release.countDown();
      assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(true);
      assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }

  @Test
  void work_not_committed_within_the_deadline_fails_as_storage_unavailable_and_still_commits_later()
      throws Exception {
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer =
            new GroupCommitWriter(
                store,
                10,
                new SimpleMeterRegistry(),
                cause -> {},
                GroupCommitWriter.AnswerScope.DIRECT,
                Duration.ofMillis(200))) {
      CountDownLatch release = new CountDownLatch(1);
      writer.submit(tx -> release.await(30, TimeUnit.SECONDS), null);
      List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<String> late =
          writer.submitWithDeadline(
              tx -> {
                tx.units().upsert(unit("late"), Instant.now());
                return "late";
              },
              applied::add);

      assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("did not finish in time");
      release.countDown();
      // The answer was 503, yet the work stays queued and is committed: a retry is then a
      // duplicate, never a loss.
      assertThat(writer.submit(tx -> 1, null).get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(applied).containsExactly("late");
      assertThat(store.loadUnits()).extracting(Unit::code).containsExactly("late");
    }
  }

  @Test
  void a_group_is_answered_on_the_answer_thread_inside_the_scope_after_its_in_memory_effects()
      throws Exception {
    ThreadLocal<Boolean> inScope = ThreadLocal.withInitial(() -> false);
    List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
    GroupCommitWriter.AnswerScope scope =
        answers -> {
          scopes.add(Thread.currentThread().getName());
          inScope.set(true);
          try {
            answers.run();
          } finally {
            inScope.set(false);
          }
        };
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer =
            new GroupCommitWriter(store, 10, new SimpleMeterRegistry(), cause -> {}, scope)) {
      List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
      // The work waits until the test has chained its check: a future completed before that
      // would run the check on the test's thread.
      CountDownLatch chained = new CountDownLatch(1);
      CompletableFuture<String> answered =
          writer
              .submit(
                  tx -> {
                    chained.await(10, TimeUnit.SECONDS);
                    tx.units().upsert(unit("u1"), Instant.now());
                    return "u1";
                  },
                  r -> applied.add(r + " on " + Thread.currentThread().getName()))
              .thenApply(
                  r ->
                      r
                          + " answered on "
                          + Thread.currentThread().getName()
                          + (inScope.get() ? " in scope" : " outside the scope")
                          + " after "
                          + applied);
      chained.countDown();

      assertThat(answered.get(10, TimeUnit.SECONDS))
          .isEqualTo("u1 answered on digiready-answers in scope after [u1 on digiready-writer]");
      assertThat(scopes).containsExactly("digiready-answers");
    }
  }

  @Test
  void a_slow_answer_does_not_hold_up_the_next_commit() throws Exception {
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer = new GroupCommitWriter(store, 10, new SimpleMeterRegistry())) {
      CountDownLatch attached = new CountDownLatch(1);
      CountDownLatch answerMayFinish = new CountDownLatch(1);
      CompletableFuture<Object> first =
          writer.submit(tx -> attached.await(10, TimeUnit.SECONDS), null);
      // Runs on the thread that completes the first future, as writing an HTTP answer does.
      CompletableFuture<Void> slowAnswer =
          first.thenRun(
              () -> {
                try {
                  answerMayFinish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      attached.countDown();
      CountDownLatch secondCommitted = new CountDownLatch(1);
      CompletableFuture<String> second =
          writer.submit(
              tx -> {
                tx.units().upsert(unit("second"), Instant.now());
                return "second";
              },
              r -> secondCommitted.countDown());

      assertThat(secondCommitted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(store.loadUnits()).extracting(Unit::code).containsExactly("second");
      assertThat(slowAnswer).isNotDone();
      answerMayFinish.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
      slowAnswer.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_writer_thread_killed_by_an_error_fails_all_waiting_work_at_once_and_says_it_died()
      throws Exception {
    List<Throwable> deaths = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer =
            new GroupCommitWriter(store, 100, new SimpleMeterRegistry(), deaths::add)) {
      CountDownLatch release = new CountDownLatch(1);
      writer.submit(tx -> release.await(30, TimeUnit.SECONDS), null);
      CompletableFuture<Object> fatal =
          writer.submit(
              tx -> {
                tx.units().upsert(unit("half"), Instant.now());
                throw new Error("test: the writer thread dies");
              },
              null);
      CompletableFuture<Integer> waiting = writer.submit(tx -> 1, null);
      assertThat(writer.healthy()).isTrue();
      release.countDown();

      for (CompletableFuture<?> f : List.of(fatal, waiting)) {
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(StorageUnavailableException.class);
      }
      // The owner is told last, after every waiting request got its answer: wait for it.
      for (int i = 0; i < 500 && deaths.isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertThat(deaths).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("dies"));
      assertThat(writer.healthy()).isFalse();
      assertThat(writer.alive()).isFalse();
      assertThatThrownBy(() -> writer.submit(tx -> 2, null))
          .isInstanceOf(StorageUnavailableException.class);
    }
    try (SqliteStore reopened = new SqliteStore(dir.resolve("db"), "FULL", true)) {
      assertThat(reopened.loadUnits()).as("the dying group was rolled back").isEmpty();
    }
  }

  @Test
  void a_failing_request_is_rolled_back_alone_and_the_rest_of_its_group_commits() throws Exception {
    try (SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, new SimpleMeterRegistry())) {
      CountDownLatch release = new CountDownLatch(1);
      writer.submit(tx -> release.await(30, TimeUnit.SECONDS), null);
      List<CompletableFuture<?>> futures = new ArrayList<>();
      futures.add(
          writer.submit(
              tx -> {
                tx.units().upsert(unit("a"), Instant.now());
                return 1;
              },
              null));
      futures.add(
          writer.submit(
              tx -> {
                tx.units().upsert(unit("b"), Instant.now());
                throw new IllegalArgumentException("bad request");
              },
              null));
      futures.add(
          writer.submit(
              tx -> {
                tx.units().upsert(unit("c"), Instant.now());
                return 3;
              },
              null));
      release.countDown();
      assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class);
      assertThat(futures.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(store.loadUnits()).extracting(Unit::code).containsExactlyInAnyOrder("a", "c");
    }
  }

  @Test
  void a_failed_commit_fails_its_requests_and_the_writer_recovers_when_the_disk_has_room()
      throws Exception {
    FailingStore store = new FailingStore(new SqliteStore(dir.resolve("db"), "FULL", true));
    try (GroupCommitWriter writer = new GroupCommitWriter(store, 10, new SimpleMeterRegistry())) {
      store.full = true;
      List<String> applied = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  writer.call(
                      tx -> {
                        tx.units().upsert(unit("a"), Instant.now());
                        return "a";
                      },
                      applied::add))
          .isInstanceOf(StorageUnavailableException.class);
      assertThat(writer.healthy()).isFalse();
      assertThat(applied).isEmpty();
      store.full = false;
      String result =
          writer.call(
              tx -> {
                tx.units().upsert(unit("b"), Instant.now());
                return "b";
              },
              (String r) -> applied.add(r));
      assertThat(result).isEqualTo("b");
      assertThat(writer.healthy()).isTrue();
      assertThat(applied).containsExactly("b");
      assertThat(store.loadUnits()).extracting(Unit::code).containsExactly("b");
    } finally {
      store.close();
    }
  }

  @Test
  void closing_commits_what_was_queued() throws Exception {
    SqliteStore store = new SqliteStore(dir.resolve("db"), "FULL", true);
    GroupCommitWriter writer = new GroupCommitWriter(store, 1000, new SimpleMeterRegistry());
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String code = "u" + i;
      futures.add(
          writer.submit(
              tx -> {
                tx.units().upsert(unit(code), Instant.now());
                return 1;
              },
              null));
    }
    writer.close();
    for (var f : futures) {
      assertThat(f.get(1, TimeUnit.SECONDS)).isEqualTo(1);
    }
    store.close();
    try (SqliteStore reopened = new SqliteStore(dir.resolve("db"), "FULL", true)) {
      assertThat(reopened.loadUnits()).hasSize(200);
    }
  }
}
