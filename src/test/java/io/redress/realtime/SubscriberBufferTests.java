package io.redress.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberBufferTests {

	@Test
	void holdsEventsInOrderUpToItsLimitAcrossChunks() {
		SubscriberBuffer<Integer> buffer = new SubscriberBuffer<>(20);
		for (int n = 0; n < 20; n++) {
			assertThat(buffer.offer(n)).isTrue();
		}
		assertThat(buffer.offer(20)).as("the event past the limit is refused").isFalse();
		assertThat(buffer).hasSize(20);
		List<Integer> drained = new ArrayList<>();
		for (Integer event = buffer.poll(); event != null; event = buffer.poll()) {
			drained.add(event);
		}
		assertThat(drained).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
	}

	@Test
	void takesEventsAgainOnceTheSubscriberHasReadSome() {
		SubscriberBuffer<String> buffer = new SubscriberBuffer<>(2);
		buffer.offer("a");
		buffer.offer("b");
		assertThat(buffer.offer("c")).isFalse();
		assertThat(buffer.poll()).isEqualTo("a");
		assertThat(buffer.offer("c")).isTrue();
		assertThat(buffer.peek()).isEqualTo("b");
		buffer.clear();
		assertThat(buffer.isEmpty()).isTrue();
	}
}
