/** Complaints and their lifecycle: filing, proposals, acceptance, giving up, withdrawing, reopening, rating. */
package io.redress.complaint;
