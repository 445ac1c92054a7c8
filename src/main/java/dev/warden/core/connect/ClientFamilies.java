package dev.warden.core.connect;

import java.util.List;

/** Every client family the panel offers, in the order it lists them. Pure; any thread. */
public final class ClientFamilies {

  /** Shell and command-line tools first, then languages, build tools, containers, browsers, the desktop. */
  public static final List<ClientFamily> ALL = List.of(
      new EnvironmentSnippet(),
      new CurlSnippet(),
      new WgetSnippet(),
      new JavaSnippet(),
      new PythonRequestsSnippet(),
      new PythonUrllibSnippet(),
      new NodeSnippet(),
      new GitSnippet(),
      new MavenSnippet(),
      new GradleSnippet(),
      new DockerSnippet(),
      new FirefoxSnippet(),
      new ChromiumSnippet(),
      new GnomeSnippet());

  private ClientFamilies() {}
}
