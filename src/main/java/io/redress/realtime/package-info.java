/** The event log: every state change's event row, written in the transaction of the change. */
package io.redress.realtime;
