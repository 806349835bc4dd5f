/*
 * Redress Resolution Score widget: renders every <div class="redress-widget" data-brand="slug"> on the page
 * (optional data-theme="dark", data-live="true"). window.Redress.scan(root) renders widgets added later.
 */
(function () {
	'use strict';

	// The server is where this script came from, never the host page. document.currentScript is set only while
	// the script first runs (async and defer included), so capture it now.
	var script = document.currentScript || [].slice.call(document.scripts).reverse()
		.filter(function (s) { return /\/widgets\/embed\.js([?#]|$)/.test(s.src); })[0];
	if (!script) return;
	var base = new URL('./', script.src).href; // https://server/widgets/
	var SELECTOR = 'div.redress-widget[data-brand]';
	var TIERS = { EXCELLENT: 'Excellent', GREAT: 'Great', GOOD: 'Good', FAIR: 'Fair', POOR: 'Poor',
		NOT_ENOUGH_DATA: 'Not enough data yet' };

	// Styles live in the shadow root; `all: initial` also stops the page's inherited fonts and colours.
	var CSS = ':host{display:inline-block}' +
		'.card{all:initial;display:flex;flex-direction:column;gap:2px;min-width:200px;max-width:320px;' +
		'padding:12px 16px;border:1px solid #d0d7de;border-radius:10px;background:#fff;color:#1f2328;' +
		'font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
		'.dark{background:#161b22;color:#e6edf3;border-color:#30363d}' +
		'.name,.tier{font-weight:600}.muted{opacity:.75;font-size:13px}' +
		'.score{font-size:28px;font-weight:700}.max{font-size:14px;font-weight:400;opacity:.7}' +
		'a{color:#0969da;font-size:13px;margin-top:4px}.dark a{color:#4493f8}';

	// Server data only ever goes in as text.
	function add(parent, tag, className, text) {
		var node = parent.appendChild(document.createElement(tag));
		if (className) node.className = className;
		if (text != null) node.textContent = text;
		return node;
	}

	// A path is on the server; only web links count: a javascript: URL must never become clickable.
	function webUrl(url) {
		try {
			var link = new URL(url, base);
			return url && /^https?:$/.test(link.protocol) ? link.href : '';
		}
		catch (e) {
			return '';
		}
	}

	function mount(host) {
		if (host.hasAttribute('data-redress-state') || host.shadowRoot) return; // rendered already
		var root = host.attachShadow({ mode: 'open' });
		add(root, 'style', null, CSS);
		var widget = {
			host: host,
			card: add(root, 'div', host.getAttribute('data-theme') === 'dark' ? 'card dark' : 'card'),
			url: base + encodeURIComponent(host.getAttribute('data-brand'))
		};
		widget.card.setAttribute('role', 'group');
		notice(widget, 'loading', 'Loading Resolution Score\u2026');
		fetch(widget.url + '/score.json', { credentials: 'omit' })
			.then(function (response) {
				if (response.status === 404) return notice(widget, 'missing', 'No Resolution Score for this brand');
				if (!response.ok) throw new Error('HTTP ' + response.status);
				return response.json().then(function (data) { render(widget, data); });
			})
			.catch(function () { notice(widget, 'error', 'Resolution Score unavailable'); })
			.then(function () {
				var missing = host.getAttribute('data-redress-state') === 'missing';
				if (host.getAttribute('data-live') === 'true' && !missing) listen(widget);
			});
	}

	function notice(widget, state, text) {
		widget.host.setAttribute('data-redress-state', state);
		widget.parts = null;
		widget.card.textContent = '';
		widget.card.setAttribute('aria-label', text);
		add(widget.card, 'div', 'muted', text);
	}

	function render(widget, data) {
		var brand = data.brand, score = data.score, parts = widget.parts;
		var value = score.value.toFixed(1);
		var tier = TIERS[score.tier] || String(score.tier);
		var rated = score.ratedCount + ' rated complaint' + (score.ratedCount === 1 ? '' : 's');
		if (!parts) {
			// Built once; later renders change only text, so a live region announces just the change.
			widget.card.textContent = '';
			parts = widget.parts = { name: add(widget.card, 'div', 'name') };
			var line = add(widget.card, 'div', 'score');
			parts.value = add(line, 'span');
			add(line, 'span', 'max', ' / 100');
			parts.tier = add(widget.card, 'div', 'tier');
			parts.rated = add(widget.card, 'div', 'muted');
			parts.link = add(widget.card, 'a');
			parts.link.target = '_blank';
			parts.link.rel = 'noopener';
		}
		parts.name.textContent = brand.name;
		parts.value.textContent = value;
		parts.tier.textContent = tier;
		parts.rated.textContent = rated;
		parts.link.href = webUrl(brand.url);
		parts.link.hidden = !parts.link.getAttribute('href');
		parts.link.textContent = 'How ' + brand.name + ' resolves complaints';
		widget.card.setAttribute('aria-label',
			brand.name + ' Resolution Score ' + value + ' out of 100, ' + tier + ', ' + rated);
		var host = widget.host;
		host.setAttribute('data-redress-score', value);
		host.setAttribute('data-redress-tier', score.tier);
		host.setAttribute('data-redress-rated', String(score.ratedCount));
		host.setAttribute('data-redress-state', 'ready');
	}

	// Server-Sent Events: the current score on connect, then each change. Widgets of one brand share one stream, so
	// a page with many of them stays within the browser's few connections per server.
	var streams = {};

	function listen(widget) {
		widget.card.setAttribute('aria-live', 'polite');
		var stream = streams[widget.url];
		if (stream) {
			stream.widgets.push(widget);
			return;
		}
		stream = streams[widget.url] = { widgets: [widget], delay: 1000 };
		(function connect() {
			stream.widgets = stream.widgets.filter(function (w) { return w.host.isConnected; });
			if (!stream.widgets.length) { // all removed from the page: hold no connection for them
				delete streams[widget.url];
				return;
			}
			var source = new EventSource(widget.url + '/live');
			source.addEventListener('score', function (event) {
				stream.delay = 1000;
				stream.widgets = stream.widgets.filter(function (w) { return w.host.isConnected; });
				if (!stream.widgets.length) {
					source.close();
					delete streams[widget.url];
					return;
				}
				try {
					var data = JSON.parse(event.data);
					stream.widgets.forEach(function (w) { render(w, data); });
				}
				catch (e) {
					// a malformed event: keep showing the last good score
				}
			});
			source.onerror = function () {
				// While CONNECTING the browser retries by itself; CLOSED means it gave up (an HTTP error).
				if (source.readyState !== EventSource.CLOSED) return;
				source.close();
				setTimeout(connect, stream.delay);
				stream.delay = Math.min(stream.delay * 2, 60000);
			};
		})();
	}

	function scan(root) {
		root = root || document;
		var hosts = [].slice.call(root.querySelectorAll ? root.querySelectorAll(SELECTOR) : []);
		if (root.matches && root.matches(SELECTOR)) hosts.unshift(root);
		hosts.forEach(function (host) {
			try {
				mount(host);
			}
			catch (e) {
				// one broken widget must not stop the others
			}
		});
	}

	window.Redress = { scan: scan };
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
	else scan();
})();
