/** The thread of a complaint: public and private messages between the consumer and the brand. */
package io.redress.thread;
