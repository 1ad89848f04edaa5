package io.digiready.agent.service;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wraps the service's tasks: an exception would silently cancel a periodic task. */
final class Tasks {
  private static final Logger log = LoggerFactory.getLogger(Tasks.class);

  /** A task body that may throw. */
  interface Body {
    void run() throws Exception;
  }

  private Tasks() {}

  /** The value made on first use, then kept (the service's threads are one, but be safe). */
  static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  static Runnable guarded(String name, Body task) {
    return () -> {
      try {
        task.run();
      } catch (Exception | Error e) {
        log.error("event=task_failed task={} reason=\"{}\"", name, e.toString());
      }
    };
  }
}
