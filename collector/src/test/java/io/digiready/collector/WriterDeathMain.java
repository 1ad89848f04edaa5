package io.digiready.collector;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The collector's own {@code main}, plus one thing for {@code WriterDeathIT}: once the file named
 * by the system property {@code digiready.test.killWriterWhen} appears, a piece of work that throws
 * an {@link Error} is handed to the writer thread. Lives in the test classes only; the shipped jar
 * has no such hook.
 */
public final class WriterDeathMain {
  private WriterDeathMain() {}

  public static void main(String[] args) {
    Path trigger = Path.of(System.getProperty("digiready.test.killWriterWhen"));
    System.exit(
        CollectorMain.run(
            args,
            System.getenv(),
            collector -> {
              Thread watch =
                  new Thread(
                      () -> {
                        try {
                          while (!Files.exists(trigger)) {
                            Thread.sleep(20);
                          }
                        } catch (InterruptedException e) {
                          return;
                        }
                        collector
                            .services()
                            .writer()
                            .submit(
                                tx -> {
                                  throw new Error("test: the writer thread dies");
                                },
                                null);
                      },
                      "test-writer-killer");
              watch.setDaemon(true);
              watch.start();
            }));
  }
}
