package io.redress.realtime;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;

import reactor.util.concurrent.Queues;

/**
 * A subscriber's buffer of live events: Reactor's linked queue, which grows in small chunks while events wait, and
 * refuses an event beyond the limit (the sink then reports an overflow). An array queue of the whole limit would be
 * allocated up front, 2 KB per subscriber for 512 events, though an idle subscriber holds none and a live one
 * rarely more than a few.
 */
final class SubscriberBuffer<T> extends AbstractQueue<T> {

	/** Events per chunk: one chunk holds what a subscriber keeping up has waiting. */
	private static final int CHUNK = 8;

	private final Queue<T> events = Queues.<T>unbounded(CHUNK).get();
	private final int limit;

	SubscriberBuffer(int limit) {
		this.limit = limit;
	}

	@Override
	public boolean offer(T event) {
		return events.size() < limit && events.offer(event);
	}

	@Override
	public T poll() {
		return events.poll();
	}

	@Override
	public T peek() {
		return events.peek();
	}

	@Override
	public int size() {
		return events.size();
	}

	@Override
	public boolean isEmpty() {
		return events.isEmpty();
	}

	@Override
	public void clear() {
		events.clear();
	}

	@Override
	public Iterator<T> iterator() {
		return events.iterator();
	}
}
