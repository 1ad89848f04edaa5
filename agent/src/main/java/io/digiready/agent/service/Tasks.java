package io.digiready.agent.service;

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
