package io.digiready.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
