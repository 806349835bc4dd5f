package io.redress.shared;

/**
 * A consumer fell further behind than the server buffers for it. Its stream ends with this error, and over a
 * WebSocket the whole socket is closed: a client that does not read would never see the error otherwise.
 */
public class TooSlowException extends BadRequestException {

	public TooSlowException(String message) {
		super(message);
	}
}
