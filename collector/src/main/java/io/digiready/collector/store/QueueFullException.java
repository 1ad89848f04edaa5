package io.digiready.collector.store;

/** The writer's bounded queue is full: answer 503 rather than grow memory. */
public final class QueueFullException extends RuntimeException {
  public QueueFullException() {
    super("writer queue is full");
  }
}
