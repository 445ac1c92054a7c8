package dev.warden.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One named logger of Warden's slf4j backend: formats an entry as
 * {@code <UTC time> [<thread>] <LEVEL> <logger> - <message>}, followed by the stack trace of a
 * throwable, and hands it to {@link WardenLog}. Thread-safe and stateless beyond its name.
 */
final class WardenLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  WardenLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return WardenLog.enabled(name, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return WardenLog.enabled(name, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return WardenLog.enabled(name, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return WardenLog.enabled(name, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return WardenLog.enabled(name, Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    StringBuilder entry = new StringBuilder(128)
        .append(Instant.now())
        .append(" [")
        .append(Thread.currentThread().getName())
        .append("] ")
        .append(level)
        .append(' ')
        .append(name)
        .append(" - ")
        .append(MessageFormatter.basicArrayFormat(pattern, arguments))
        .append('\n');
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      throwable.printStackTrace(new PrintWriter(trace));
      entry.append(trace);
    }
    WardenLog.write(name, level, entry.toString());
  }
}
