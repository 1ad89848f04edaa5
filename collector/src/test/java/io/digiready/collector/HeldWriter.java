package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.store.GroupCommitWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps a collector's writer thread busy with a plug of its own, so that the requests sent
 * meanwhile wait in the writer's queue and are all drained into the next group (one transaction,
 * one flush of staged heartbeat rows) when {@link #release} lets the plug finish. Which requests
 * are queued, and in which order, is read from the writer's queue itself: a test sends the next
 * request only once the previous one is queued, so the group's order is the test's, not the
 * scheduler's.
 *
 * <p>The collector's own background work (a follower's look, a daily-figures pass) may be queued in
 * between; it belongs to the same group and changes none of the figures the tests check.
 */
final class HeldWriter implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final GroupCommitWriter writer;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CompletableFuture<Object> plug;
  private final ExecutorService senders = Executors.newCachedThreadPool();

  /** Starts the plug and returns once the writer thread runs it. */
  HeldWriter(TestCollector c) throws InterruptedException {
    // A read first: on a shared database it catches up with the setup's writes, so that no request
    // of the held group stops to submit a catch-up of its own before its work.
    assertThat(c.admin("GET", "/api/v1/units", null).status()).isEqualTo(200);
    this.writer = c.collector.services().writer();
    CountDownLatch running = new CountDownLatch(1);
    plug =
        writer.submit(
            tx -> {
              running.countDown();
              return release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            },
            null);
    assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("the writer runs the plug")
        .isTrue();
  }

  /** Sends a request on a thread of its own (it returns only after the group's commit). */
  CompletableFuture<Http.Answer> send(Supplier<Http.Answer> request) {
    return CompletableFuture.supplyAsync(request, senders);
  }

  /** Sends a request and returns once the writer has queued {@code count} ops that match. */
  CompletableFuture<Http.Answer> sendAndAwait(
      Supplier<Http.Answer> request, Predicate<String> op, int count) {
    CompletableFuture<Http.Answer> answer = send(request);
    awaitQueued(op, count);
    return answer;
  }

  /** Waits until the writer's queue holds {@code count} ops whose {@link #queued label} matches. */
  void awaitQueued(Predicate<String> op, int count) {
    Instant end = Instant.now().plus(WAIT);
    while (queued().stream().filter(op).count() < count) {
      assertThat(Instant.now()).as("queued in time; the queue holds " + queued()).isBefore(end);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A heartbeat request of this machine, as {@link #queued} labels it. */
  static Predicate<String> heartbeatOf(String machineId) {
    return label -> label.equals("heartbeat " + machineId);
  }

  /** Work submitted by this class of the collector (its lambda's enclosing class), e.g. a move. */
  static Predicate<String> workOf(Class<?> submitter) {
    return label -> label.equals(submitter.getName());
  }

  /**
   * The writer's queue in order: "heartbeat MACHINE" for a heartbeat request (it names the machine
   * whose row it reads), else the class whose lambda the work is (the service that submitted it).
   */
  List<String> queued() {
    List<String> out = new ArrayList<>();
    try {
      Field field = GroupCommitWriter.class.getDeclaredField("queue");
      field.setAccessible(true);
      for (Object op : ((java.util.Collection<?>) field.get(writer)).toArray()) {
        String machineId = (String) component(op, "machineId");
        String work = component(op, "work").getClass().getName();
        out.add(machineId != null ? "heartbeat " + machineId : work.split("\\$\\$")[0]);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read the writer's queue", e);
    }
    return out;
  }

  private static Object component(Object record, String name) throws ReflectiveOperationException {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(record);
      }
    }
    throw new NoSuchFieldException(name);
  }

  /** Lets the plug finish: everything queued is then committed as one group. */
  void release() throws Exception {
    release.countDown();
    assertThat(plug.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(true);
  }

  @Override
  public void close() {
    release.countDown();
    senders.shutdown();
  }
}
