/** The Resolution Score: its formula, the stored score of every brand, daily snapshots, and live score changes. */
package io.redress.score;
