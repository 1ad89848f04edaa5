package io.digiready.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The agent's packages are features ({@code spool}, {@code probe}, {@code send}, ...) that depend
 * on each other in one direction; {@code service} composes them and {@code cli} drives it.
 */
@AnalyzeClasses(
    packages = "io.digiready.agent",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule no_package_cycle =
      slices().matching("io.digiready.agent.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule only_the_command_line_uses_the_composition_root =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.digiready.agent", "..agent.cli..", "..agent.service..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..agent.cli..", "..agent.service..");
}
