/** Embeddable score widgets for partner sites: an SVG badge, an HTML card, a script, and live score updates. */
package io.redress.widget;
