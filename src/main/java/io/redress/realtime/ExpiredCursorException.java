package io.redress.realtime;

import io.redress.shared.BadRequestException;

/** A cursor older than the event retention: resuming from it could skip events. */
public class ExpiredCursorException extends BadRequestException {

	public ExpiredCursorException() {
		super("The cursor is older than the events kept; subscribe without after and reload the data");
	}
}
