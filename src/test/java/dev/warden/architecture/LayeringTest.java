package dev.warden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of Warden's house, checked on every build. */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule coreImportsNoJavaFx = noClasses()
      .that()
      .resideInAPackage("dev.warden.core..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
      .because("the core runs headless and on network threads; only ui/ may touch JavaFX");

  @ArchTest
  static final ArchRule onlyTheEngineTouchesLittleProxyOrNetty = noClasses()
      .that()
      .resideOutsideOfPackage("dev.warden.core.engine..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("org.littleshoot..", "io.netty..")
      .because("LittleProxy and Netty are implementation details of the engine");

  @ArchTest
  static final ArchRule headlessModeImportsNoJavaFx = noClasses()
      .that()
      .resideInAnyPackage("dev.warden.cli..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("javafx..", "dev.warden.ui..")
      .because("headless mode must run without loading any JavaFX class");

  @ArchTest
  static final ArchRule onlyTheCliWritesToStandardOutput = noClasses()
      .that()
      .resideOutsideOfPackages("dev.warden.cli..", "dev.warden.app..")
      .should()
      .accessField(System.class, "out")
      .because("the core prints nothing; headless mode owns stdout for the access log");

  @ArchTest
  static final ArchRule coreDoesNotReachIntoFrontEnds = noClasses()
      .that()
      .resideInAPackage("dev.warden.core..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("dev.warden.ui..", "dev.warden.cli..", "dev.warden.app..")
      .because("the core is the house both front ends stand on");
}
