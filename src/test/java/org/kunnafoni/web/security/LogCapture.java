package org.kunnafoni.web.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every log line (message, exception messages and frames) while open, with our own code at DEBUG. */
final class LogCapture implements AutoCloseable {
    private final Logger root;
    private final Logger ours;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = context.getLogger("org.kunnafoni");
        previous = ours.getLevel();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        ours.setLevel(Level.DEBUG);
    }

    /** Each event as one string: the formatted message, then every cause's class and message. */
    List<String> lines() {
        return List.copyOf(appender.list).stream().map(LogCapture::text).toList();
    }

    String all() {
        return String.join("\n", lines());
    }

    private static String text(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                out.append(" at ").append(frame.getSTEAsString());
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        ours.setLevel(previous);
    }
}
