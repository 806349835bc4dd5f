package io.redress;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.channel.unix.Errors.NativeIoException;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Marker;
import reactor.netty.channel.AbortedException;

/**
 * Keeps libraries from logging a WARN or ERROR with a stack trace each time a connection goes away: a client that
 * hangs up mid-request, or every operation that meets a database outage (the driver for each lost connection,
 * Spring for each rollback that cannot reach the server, Reactor for each error it drops). A database outage is
 * logged once by {@link DatabaseOutage} instead; a client hanging up is no news. Installed in
 * {@code logback-spring.xml}; Redress's own loggers are never filtered.
 */
public class LostConnectionLogFilter extends TurboFilter {

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable throwable) {
		if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger.getName().startsWith("io.redress.")) {
			return FilterReply.NEUTRAL;
		}
		Throwable thrown = throwable != null ? throwable
				: params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
						: null;
		return thrown != null && (DatabaseOutage.isOutage(thrown) || lostConnection(thrown)) ? FilterReply.DENY
				: FilterReply.NEUTRAL;
	}

	/** The socket went away under a read or a write (reset, broken pipe, closed before a send). */
	static boolean lostConnection(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof AbortedException || cause instanceof ClosedChannelException
					|| cause instanceof NativeIoException || cause instanceof SocketException) {
				return true;
			}
		}
		return false;
	}
}
