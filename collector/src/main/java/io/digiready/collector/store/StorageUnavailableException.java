package io.digiready.collector.store;

/** The database cannot take writes right now (disk full, read-only, busy); the client retries. */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
