package io.redress.realtime;

import io.redress.shared.TooSlowException;

/** A subscriber fell further behind than its buffer holds; it is closed and resumes from its last cursor. */
class SlowSubscriberException extends TooSlowException {

	public SlowSubscriberException() {
		super("Too slow to keep up; subscribe again with after: the last cursor you received");
	}
}
