/**
 * "Connect a client": ready-to-copy set-up text that points a tool (the shell environment, curl,
 * wget, Java, Python, Node, git, Maven, Gradle, Docker, Firefox, Chromium, GNOME) at Warden for one
 * user, never with a password (a variable or the tool's own prompt stands in for it), and the switch
 * that makes Warden GNOME's system proxy and puts the previous values back. Pure text except
 * {@link dev.warden.core.connect.GnomeSystemProxy}, which runs {@code gsettings}.
 */
package dev.warden.core.connect;
