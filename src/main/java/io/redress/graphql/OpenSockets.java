package io.redress.graphql;

import io.netty.channel.Channel;
import io.netty.channel.ChannelId;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * The server's open connections by channel id, so a WebSocket can be dropped at the TCP level when its close frame
 * cannot get out (a client that stopped reading). Closed channels leave the group by themselves.
 */
@Component
class OpenSockets implements NettyServerCustomizer {

	private final ChannelGroup channels = new DefaultChannelGroup("redress-connections", GlobalEventExecutor.INSTANCE);

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnConnection(connection -> channels.add(connection.channel()));
	}

	/** Closes the connection at once, whatever it still had to send. */
	void drop(ChannelId id) {
		Channel channel = channels.find(id);
		if (channel != null) {
			channel.close();
		}
	}
}
