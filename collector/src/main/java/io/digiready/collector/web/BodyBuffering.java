package io.digiready.collector.web;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntBiFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads every request body in full before any route runs, without a thread: bytes are collected as
 * the network delivers them (Jetty calls back when more arrive), and the route, which reads its
 * body with blocking calls, gets a thread only once the whole body is there. So a client that
 * uploads one byte every ten seconds holds a connection and the bytes it sent, never one of the
 * server's threads; /health/live and real agents keep their answers.
 *
 * <p>While collecting, a body is refused when it is larger than its route allows (413, the enroll
 * route much smaller than the heartbeat route), when it arrives slower than {@code
 * minBytesPerSecond} on average after a short grace (408), or when all bodies being collected
 * together would pass {@code budgetBytes} (503 with Retry-After, so that many slow clients cannot
 * fill the heap). A client that sends nothing at all is closed by the connector's idle timeout.
 */
final class BodyBuffering extends Handler.Wrapper {
  /** Time a body gets before its average rate counts: a request often starts in a burst. */
  static final long GRACE_MILLIS = 2_000;

  /**
   * Most of a refused body read and thrown away before answering; past it the connection is
   * answered and closed at once (the client may then see a reset instead of the answer).
   */
  static final long DISCARD_MAX_BYTES = 8L * 1024 * 1024;

  private static final int INITIAL_BYTES = 64 * 1024;

  private final ToIntBiFunction<String, String> limitForRoute;
  private final long minBytesPerSecond;
  private final long budgetBytes;
  private final AtomicLong collecting = new AtomicLong();

  /**
   * @param limitForRoute the largest body, in bytes as sent (before gzip inflation), for a method
   *     and path ({@link Route#maxBodyBytes(String, String)})
   */
  BodyBuffering(
      ToIntBiFunction<String, String> limitForRoute, long minBytesPerSecond, long budgetBytes) {
    this.limitForRoute = limitForRoute;
    this.minBytesPerSecond = minBytesPerSecond;
    this.budgetBytes = budgetBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    long declared = -1;
    boolean expected = false;
    for (HttpField field : request.getHeaders()) {
      if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
        declared = field.getLongValue();
        expected = declared > 0;
      } else if (field.getHeader() == HttpHeader.TRANSFER_ENCODING) {
        expected = field.contains(HttpHeaderValue.CHUNKED.asString());
      }
    }
    if (!expected) {
      return next.handle(request, response, callback);
    }
    int limit = limitForRoute.applyAsInt(request.getMethod(), Request.getPathInContext(request));
    Reading reading = new Reading(next, request, response, callback, limit, declared);
    if (declared > limit) {
      reading.refuseAfterReading(ErrorCode.TOO_LARGE, tooLarge(limit));
    }
    reading.read(false);
    return true;
  }

  private static String tooLarge(int limit) {
    return "body: must be at most " + limit + " bytes";
  }

  private static void refuse(Response response, Callback callback, ErrorCode code, String detail) {
    Responses.error(response, callback, new ErrorMapping.Answer(code, detail, "body"));
  }

  /** Collects one body; Jetty calls {@link #run} when more of it has arrived. */
  private final class Reading implements Invocable.Task {
    private final Handler next;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int limit;
    private final long started = System.nanoTime();
    private final AtomicBoolean released = new AtomicBoolean();
    private byte[] body;
    private int size;
    private long discarded;
    private Refusal refusal;

    Reading(
        Handler next,
        Request request,
        Response response,
        Callback callback,
        int limit,
        long declared) {
      this.next = next;
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.limit = limit;
      // A declared length is a claim: memory follows the bytes that actually arrive.
      this.body =
          new byte[(int) Math.min(Math.min(limit, INITIAL_BYTES), declared > 0 ? declared : 8192)];
    }

    @Override
    public InvocationType getInvocationType() {
      // Runs on whichever thread Jetty has at hand, selector included: it never blocks.
      return InvocationType.NON_BLOCKING;
    }

    @Override
    public void run() {
      read(true);
    }

    /**
     * Answers {@code status} once the client has sent its whole body, read and thrown away, so that
     * it reads the answer instead of a reset; a body much larger than any limit, or too slow, is
     * cut short.
     */
    void refuseAfterReading(ErrorCode code, String detail) {
      release();
      refusal = new Refusal(code, detail);
    }

    /** Takes what has arrived; {@code callback} says whether this runs in Jetty's callback. */
    void read(boolean fromCallback) {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          // Idle timeout, a reset connection or a broken chunked encoding: nothing to answer.
          release();
          Response.writeError(request, response, callback, chunk.getFailure());
          return;
        }
        int n = chunk.remaining();
        boolean last = chunk.isLast();
        if (refusal != null) {
          chunk.release();
          discarded += n;
          if (last || discarded > DISCARD_MAX_BYTES) {
            refuse(response, callback, refusal.code(), refusal.detail());
            return;
          }
          if (tooSlow(discarded)) {
            fail(ErrorCode.REQUEST_TIMEOUT, tooSlow());
            return;
          }
          continue;
        }
        if (n > 0) {
          if ((long) size + n > limit) {
            chunk.release();
            discarded = size + n;
            refuseAfterReading(ErrorCode.TOO_LARGE, tooLarge(limit));
            if (last) {
              refuse(response, callback, ErrorCode.TOO_LARGE, tooLarge(limit));
              return;
            }
            continue;
          }
          if (collecting.addAndGet(n) > budgetBytes) {
            collecting.addAndGet(-n);
            chunk.release();
            discarded = size + n;
            refuseAfterReading(
                ErrorCode.UNAVAILABLE, "the collector is receiving too many bodies; retry later");
            if (last) {
              refuse(response, callback, refusal.code(), refusal.detail());
              return;
            }
            continue;
          }
          if (size + n > body.length) {
            body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(size + n, 2L * body.length)));
          }
          chunk.getByteBuffer().get(body, size, n);
          size += n;
        }
        chunk.release();
        if (last) {
          if (fromCallback) {
            // The route blocks (database, writer): never on the thread that called back.
            try {
              request.getContext().execute(this::dispatch);
            } catch (RejectedExecutionException e) {
              fail(ErrorCode.UNAVAILABLE, "the collector is busy; retry later");
            }
          } else {
            dispatch();
          }
          return;
        }
        if (tooSlow(size)) {
          fail(ErrorCode.REQUEST_TIMEOUT, tooSlow());
          return;
        }
      }
    }

    private String tooSlow() {
      return "body: arrived slower than " + minBytesPerSecond + " B/s";
    }

    private boolean tooSlow(long received) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) - GRACE_MILLIS;
      return minBytesPerSecond > 0 && millis > 0 && received < minBytesPerSecond * millis / 1000;
    }

    private void fail(ErrorCode code, String detail) {
      release();
      refuse(response, callback, code, detail);
    }

    private void release() {
      if (released.compareAndSet(false, true)) {
        collecting.addAndGet(-size);
      }
      body = EMPTY;
    }

    private void dispatch() {
      Whole whole = new Whole(request, body, size);
      Callback done =
          new Callback() {
            @Override
            public void succeeded() {
              release();
              callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
              release();
              callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
              return callback.getInvocationType();
            }
          };
      try {
        if (!next.handle(whole, response, done)) {
          Response.writeError(request, response, done, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, done, t);
      }
    }
  }

  private record Refusal(ErrorCode code, String detail) {}

  private static final byte[] EMPTY = new byte[0];

  /**
   * The body this handler holds for {@code request} (or a request wrapping it), as sent: before
   * gzip inflation. Null when the request came with no body to collect. Valid until the request's
   * callback completes.
   */
  static Held held(Request request) {
    Whole whole = Request.as(request, Whole.class);
    return whole == null ? null : whole.held;
  }

  /** The first {@code length} bytes of {@code bytes}. */
  record Held(byte[] bytes, int length) {}

  /** The request with its body already read: one chunk, then the end. */
  private static final class Whole extends Request.Wrapper {
    private final Held held;
    private Content.Chunk chunk;

    Whole(Request request, byte[] body, int size) {
      super(request);
      this.held = new Held(body, size);
      this.chunk = Content.Chunk.from(ByteBuffer.wrap(body, 0, size), true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk c = chunk;
      if (c != null) {
        chunk = null;
        return c;
      }
      return super.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      if (chunk != null) {
        demandCallback.run();
      } else {
        super.demand(demandCallback);
      }
    }
  }
}
