package io.digiready.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The collector's layering: feature packages form no cycle, and {@code web} (HTTP) depends on the
 * domain, never the reverse; only the composition root ({@code io.digiready.collector}) builds it.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.digiready.collector");

  @Test
  void feature_packages_form_no_cycle() {
    slices().matching("io.digiready.collector.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void only_the_composition_root_uses_the_web_package() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.digiready.collector.web..", "io.digiready.collector")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.digiready.collector.web..")
        .check(CLASSES);
  }

  @Test
  void nothing_below_the_composition_root_uses_it() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.digiready.collector")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.digiready.collector")
        .check(CLASSES);
  }

  /**
   * A class every feature lands in is the sign to split it (by aggregate, by language): no main
   * class of any module grows past {@value #MAX_LINES} lines.
   */
  @Test
  void no_main_class_of_any_module_is_over_400_lines() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(root)) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f ->
                      root.relativize(f)
                          .toString()
                          .replace('\\', '/')
                          .matches("[^/]+/src/main/java/.*"))
              .filter(f -> lines(f) > MAX_LINES)
              .map(f -> root.relativize(f) + ": " + lines(f) + " lines")
              .toList();
    }
    assertThat(tooLong).isEmpty();
  }

  private static final int MAX_LINES = 400;

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
