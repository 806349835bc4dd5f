package io.redress.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the database may keep one request's work, so a slow or locked table answers TIMEOUT quickly instead of
 * holding pool connections for unrelated requests. The statement limits are below {@code redress.graphql.timeout}, so
 * the database gives up first and says so, and a mutation's transaction is rolled back before the request's answer.
 *
 * @param statementTimeout longest one SQL statement may run ({@code statement_timeout} on every pooled connection)
 * @param lockTimeout longest one statement may wait for a lock ({@code lock_timeout} on every pooled connection)
 * @param transactionSlots transactions open at once on this node; the rest of the pool stays for reads, so a table
 *        whose lock holds up every mutation cannot take the connections that queries need
 * @param slotWait longest a transaction waits for a slot before it answers TIMEOUT
 */
@ConfigurationProperties("redress.database")
record DatabaseLimits(@DefaultValue("8s") Duration statementTimeout, @DefaultValue("5s") Duration lockTimeout,
		@DefaultValue("15") int transactionSlots, @DefaultValue("2s") Duration slotWait) {
}
