package io.redress.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.NettyOutbound;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * A local load balancer for benchmarks, in a process of its own: each TCP connection goes to the next node in turn
 * (round robin per connection) and its bytes are copied both ways unread, so a WebSocket stays on the node that
 * accepted its upgrade for as long as it lives, as behind any layer-4 balancer. Prints {@code PORT <port>}; stops when
 * its standard input closes.
 *
 * <pre>
 * java -cp ... io.redress.bench.TcpBalancer 0 127.0.0.1:8081 127.0.0.1:8082
 * </pre>
 * Arguments: the port to listen on (0 picks a free one), then the nodes.
 */
public final class TcpBalancer {

	public static void main(String[] args) throws IOException {
		List<InetSocketAddress> nodes = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String[] hostPort = args[i].split(":");
			nodes.add(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
		}
		AtomicInteger next = new AtomicInteger();
		TcpClient upstream = TcpClient.create(ConnectionProvider.newConnection());
		DisposableServer server = TcpServer.create().host("127.0.0.1").port(Integer.parseInt(args[0]))
				.handle((in, out) -> {
					InetSocketAddress node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
					return relay(in, out, upstream.remoteAddress(() -> node));
				})
				.bindNow();
		System.out.println("PORT " + server.port());
		System.out.flush();
		while (System.in.read() >= 0) {
			// Nothing is said on the input; its end is the signal to stop.
		}
		server.disposeNow();
		System.exit(0);
	}

	/** Copies bytes both ways until either side closes, then closes the other. */
	private static Mono<Void> relay(NettyInbound in, NettyOutbound out, TcpClient node) {
		return node.connect().flatMap(connection -> Mono.firstWithSignal(
				connection.outbound().send(in.receive().retain()).then(),
				out.send(connection.inbound().receive().retain()).then())
				.doFinally(signal -> connection.dispose()));
	}
}
