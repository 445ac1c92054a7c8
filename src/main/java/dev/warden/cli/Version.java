package dev.warden.cli;

/** Warden's version, as the jar manifest states it. */
public final class Version {

  private Version() {}

  /**
   * The {@code Implementation-Version} of the jar that holds {@code anchor}, or {@code "dev"} when
   * running from classes (an IDE, the test suite) where there is no manifest.
   */
  public static String of(Class<?> anchor) {
    String version = anchor.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }
}
