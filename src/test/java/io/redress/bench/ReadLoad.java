package io.redress.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.HdrHistogram.Histogram;

/**
 * The read benchmark's load generator, run in a process of its own so its work is not the server's: a fixed number of
 * keep-alive connections, each sending one anonymous query after the other for a fixed time (a closed loop, as
 * {@code wrk} does). It prints one {@code RESULT} line: requests, errors, latency percentiles, the rows of the first
 * answer (to show the query did the work it names), and the CPU time this process spent per request, so a reader can
 * judge how much of a shared machine the generator took from the server.
 * <p>
 * It is built to cost little per request, as it shares the server's cores: every request's bytes are encoded once
 * before the run (Q1 has one per brand), written as they are on one event-loop thread, and an answer is only decoded
 * as far as its status and a search of its bytes for {@code "errors"}; latencies go into a fixed-size histogram.
 *
 * <pre>
 * java -cp ... io.redress.bench.ReadLoad http://localhost:8080 Q2 32 20 2000 5
 * </pre>
 * Arguments: the server, the query ({@link ReadQuery}), connections, seconds measured, brands (Q1 asks for each in
 * turn) and seconds of warm-up before them (default 0). At the end of the warm-up it prints {@value #MEASURING}.
 */
public final class ReadLoad {

	/** The line printed when the warm-up ends and the measured run begins. */
	static final String MEASURING = "MEASURING";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final ByteBuf ERRORS = Unpooled.unreleasableBuffer(
			Unpooled.copiedBuffer("\"errors\"", StandardCharsets.US_ASCII));

	public static void main(String[] args) {
		Duration warmUp = Duration.ofSeconds(args.length > 5 ? Integer.parseInt(args[5]) : 0);
		Result result = run(args[0], ReadQuery.valueOf(args[1]), Integer.parseInt(args[2]), warmUp,
				Duration.ofSeconds(Integer.parseInt(args[3])), Integer.parseInt(args[4]), () -> {
					System.out.println(MEASURING);
					System.out.flush();
				});
		System.out.println(result.line());
		System.exit(0);
	}

	/** Runs {@code query} from {@code connections} connections for {@code duration}; waits for the last answers. */
	static Result run(String server, ReadQuery query, int connections, Duration duration, int brands) {
		return run(server, query, connections, Duration.ZERO, duration, brands, () -> { });
	}

	/**
	 * Runs {@code query} for {@code warmUp}, then calls {@code measuring} and measures it for {@code duration}; waits
	 * for the last answers.
	 */
	static Result run(String server, ReadQuery query, int connections, Duration warmUp, Duration duration, int brands,
			Runnable measuring) {
		URI uri = URI.create(server);
		ByteBuf[] requests = query.requests(uri.getHost() + ":" + uri.getPort(), brands);
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try {
			Run run = new Run(group.next(), requests, connections, warmUp, duration, measuring);
			Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
					.option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<SocketChannel>() {
						@Override
						protected void initChannel(SocketChannel channel) {
							channel.pipeline().addLast(
									new IdleStateHandler(REQUEST_TIMEOUT.toSeconds(), 0, 0, TimeUnit.SECONDS),
									new HttpResponseDecoder(), new HttpObjectAggregator(16 * 1024 * 1024),
									new Exchange(run));
						}
					}).remoteAddress(uri.getHost(), uri.getPort());
			run.start(bootstrap);
			run.finished.await();
			return Result.of(query, run, run.firstAnswer == null ? "none" : query.rows(run.firstAnswer));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		finally {
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	/** One run's state, touched only on its single event-loop thread (but for the latch and the final read). */
	private static final class Run {

		final EventLoop loop;

		final ByteBuf[] requests;

		final int connections;

		final long measureFrom;

		final long end;

		final Runnable measuring;

		final CountDownLatch finished;

		final Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);

		Bootstrap bootstrap;

		long sequence;

		long errors;

		boolean measured;

		long measureStart;

		long measureEnd;

		long cpuStart;

		long cpuEnd;

		String firstAnswer;

		Run(EventLoop loop, ByteBuf[] requests, int connections, Duration warmUp, Duration duration,
				Runnable measuring) {
			this.loop = loop;
			this.requests = requests;
			this.connections = connections;
			long now = System.nanoTime();
			this.measureFrom = now + warmUp.toNanos();
			this.end = measureFrom + duration.toNanos();
			this.measuring = measuring;
			this.finished = new CountDownLatch(connections);
		}

		void start(Bootstrap bootstrap) {
			this.bootstrap = bootstrap;
			if (measureFrom <= System.nanoTime()) {
				beginMeasuring();
			}
			else {
				loop.schedule(this::beginMeasuring, measureFrom - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			for (int i = 0; i < connections; i++) {
				connect();
			}
		}

		/** Forgets the warm-up: answers from here on are the run's. */
		private void beginMeasuring() {
			latencies.reset();
			errors = 0;
			measured = true;
			measuring.run();
			cpuStart = processCpuNanos();
			measureStart = System.nanoTime();
		}

		void connect() {
			bootstrap.connect().addListener(future -> {
				if (!future.isSuccess()) {
					errors++;
					if (running()) {
						loop.schedule(this::connect, 100, TimeUnit.MILLISECONDS);
					}
					else {
						stopped();
					}
				}
			});
		}

		boolean running() {
			return System.nanoTime() < end;
		}

		ByteBuf nextRequest() {
			return requests[(int) (sequence++ % requests.length)].duplicate();
		}

		void answered(long nanos, boolean ok, FullHttpResponse response) {
			latencies.recordValue(Math.min(nanos, latencies.getHighestTrackableValue()));
			if (!ok) {
				errors++;
			}
			else if (firstAnswer == null && measured) {
				firstAnswer = response.content().toString(StandardCharsets.UTF_8);
			}
		}

		void failed(long nanos) {
			latencies.recordValue(Math.min(nanos, latencies.getHighestTrackableValue()));
			errors++;
		}

		/** A connection stopped for good; the last one stops the clock. */
		void stopped() {
			if (finished.getCount() == 1) {
				measureEnd = System.nanoTime();
				cpuEnd = processCpuNanos();
			}
			finished.countDown();
		}
	}

	/** One connection: sends the next request as soon as the last is answered, until the run ends. */
	private static final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {

		private final Run run;

		private long sent;

		private boolean waiting;

		private boolean done;

		Exchange(Run run) {
			this.run = run;
		}

		@Override
		public void channelActive(ChannelHandlerContext context) {
			send(context);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
			waiting = false;
			boolean ok = response.status().code() == 200 && ByteBufUtil.indexOf(ERRORS, response.content()) < 0;
			run.answered(System.nanoTime() - sent, ok, response);
			if (run.running()) {
				send(context);
			}
			else {
				done = true;
				context.close();
				run.stopped();
			}
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) {
			if (event instanceof IdleStateEvent) {
				context.close();
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			context.close();
		}

		/** Lost or timed out: the request in flight is an error; a new connection takes over while time is left. */
		@Override
		public void channelInactive(ChannelHandlerContext context) {
			if (done) {
				return;
			}
			if (waiting) {
				run.failed(System.nanoTime() - sent);
			}
			if (run.running()) {
				run.connect();
			}
			else {
				run.stopped();
			}
		}

		private void send(ChannelHandlerContext context) {
			waiting = true;
			sent = System.nanoTime();
			context.writeAndFlush(run.nextRequest(), context.voidPromise());
		}
	}

	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : -1;
	}

	/**
	 * One run: requests, errors among them, how long it took, latency percentiles in ms, rows of one answer, and the
	 * CPU time this process spent per request (ms) over the measured run.
	 */
	record Result(ReadQuery query, long requests, long errors, double seconds, double p50, double p95, double p99,
			double max, double cpuPerRequest, String rows) {

		private static Result of(ReadQuery query, Run run, String rows) {
			Histogram latencies = run.latencies;
			long requests = latencies.getTotalCount();
			double cpu = run.cpuStart < 0 ? -1 : (run.cpuEnd - run.cpuStart) / 1e6 / Math.max(1, requests);
			return new Result(query, requests, run.errors, (run.measureEnd - run.measureStart) / 1e9,
					millis(latencies, 50), millis(latencies, 95), millis(latencies, 99), millis(latencies, 100), cpu,
					rows);
		}

		double perSecond() {
			return requests / seconds;
		}

		/** The generator's share of the machine's CPU over the run: its CPU time over the cores' wall time. */
		double shareOfMachine(int cores) {
			return cpuPerRequest * requests / 1e3 / (seconds * cores);
		}

		/** The line the benchmark reads back from this process. */
		String line() {
			return String.format(Locale.ROOT,
					"RESULT %s requests=%d errors=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f max=%.2f cpu=%.4f rows=%s",
					query, requests, errors, seconds, p50, p95, p99, max, cpuPerRequest, rows.replace(' ', '_'));
		}

		/** Reads a {@link #line()} back. */
		static Result parse(String line) {
			String[] parts = line.split(" ");
			double[] values = Arrays.stream(parts, 2, parts.length - 1)
					.mapToDouble(part -> Double.parseDouble(part.substring(part.indexOf('=') + 1))).toArray();
			return new Result(ReadQuery.valueOf(parts[1]), (long) values[0], (long) values[1], values[2], values[3],
					values[4], values[5], values[6], values[7],
					parts[parts.length - 1].substring("rows=".length()).replace('_', ' '));
		}

		private static double millis(Histogram latencies, double percentile) {
			return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1e6;
		}
	}

	private ReadLoad() {
	}
}
