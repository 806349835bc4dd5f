/*
 * Redress Resolution Score widget. One <script src=".../widgets/embed.js" async></script> renders every
 * <div class="redress-widget" data-brand="slug"> on the page (optional data-theme="dark", data-live="true").
 * No dependencies; window.Redress.scan(root) renders widgets added later.
 */
(function () {
	'use strict';

	// The server is wherever this script came from, never the host page. document.currentScript is only set
	// while the script first runs (async and defer included), so capture it now.
	var script = document.currentScript || findScript();
	if (!script || !script.src) {
		return;
	}
	var base = new URL('./', script.src).href; // https://server/widgets/

	var TIERS = {
		EXCELLENT: 'Excellent', GREAT: 'Great', GOOD: 'Good', FAIR: 'Fair', POOR: 'Poor',
		NOT_ENOUGH_DATA: 'Not enough data yet'
	};
	var MIN_DELAY = 1000;
	var MAX_DELAY = 60000;
	var SELECTOR = 'div.redress-widget[data-brand]';

	// Styles live in the shadow root; `all: initial` stops the host page's inherited fonts and colours.
	var CSS = ':host{display:inline-block}' +
		'.card{all:initial;box-sizing:border-box;display:flex;flex-direction:column;gap:2px;min-width:200px;' +
		'max-width:320px;padding:12px 16px;border:1px solid #d0d7de;border-radius:10px;background:#fff;' +
		'color:#1f2328;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
		'.dark{background:#161b22;color:#e6edf3;border-color:#30363d}' +
		'.name{font-weight:600}.muted{opacity:.75;font-size:13px}' +
		'.score{font-size:28px;font-weight:700;line-height:1.2}.max{font-size:14px;font-weight:400;opacity:.7}' +
		'.tier{font-weight:600;color:#1a7f37}.dark .tier{color:#3fb950}' +
		'.tier.FAIR,.tier.POOR{color:#bc4c00}.dark .tier.FAIR,.dark .tier.POOR{color:#f0883e}' +
		'.tier.NOT_ENOUGH_DATA{color:inherit;opacity:.75}' +
		'a{color:#0969da;font-size:13px;margin-top:4px}.dark a{color:#4493f8}';

	function findScript() {
		var scripts = document.getElementsByTagName('script');
		for (var i = scripts.length - 1; i >= 0; i--) {
			if (/\/widgets\/embed\.js([?#]|$)/.test(scripts[i].src)) {
				return scripts[i];
			}
		}
		return null;
	}

	function element(parent, tag, className, text) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text != null) {
			node.textContent = text; // server data only ever goes in as text
		}
		if (parent) {
			parent.appendChild(node);
		}
		return node;
	}

	// Only web links: a javascript: URL from the server must never become clickable.
	function webUrl(url) {
		try {
			var parsed = new URL(url);
			return /^https?:$/.test(parsed.protocol) ? parsed.href : null;
		}
		catch (e) {
			return null;
		}
	}

	function mount(host) {
		var slug = host.getAttribute('data-brand');
		if (!slug || host.hasAttribute('data-redress-state') || host.shadowRoot) {
			return; // rendered already
		}
		var root = host.attachShadow({ mode: 'open' });
		element(root, 'style', null, CSS);
		var card = element(root, 'div', host.getAttribute('data-theme') === 'dark' ? 'card dark' : 'card');
		card.setAttribute('role', 'group');
		var widget = { host: host, card: card, url: base + encodeURIComponent(slug) };
		var live = host.getAttribute('data-live') === 'true';
		notice(widget, 'loading', 'Loading Resolution Score\u2026');
		fetch(widget.url + '/score.json', { credentials: 'omit' })
			.then(function (response) {
				if (response.status === 404) {
					return notice(widget, 'missing', 'No Resolution Score for this brand');
				}
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json().then(function (data) {
					render(widget, data);
				});
			})
			.catch(function () {
				notice(widget, 'error', 'Resolution Score unavailable');
			})
			.then(function () {
				if (live && host.getAttribute('data-redress-state') !== 'missing') {
					listen(widget);
				}
			});
	}

	function notice(widget, state, text) {
		widget.host.setAttribute('data-redress-state', state);
		widget.parts = null;
		widget.card.textContent = '';
		widget.card.setAttribute('aria-label', text);
		element(widget.card, 'div', 'muted', text);
	}

	function render(widget, data) {
		var brand = data.brand;
		var score = data.score;
		var value = score.value.toFixed(1);
		var tier = TIERS[score.tier] || String(score.tier);
		var rated = score.ratedCount + ' rated complaint' + (score.ratedCount === 1 ? '' : 's');
		var parts = widget.parts;
		if (!parts) {
			// Built once; later renders only change text, so live regions announce just the change.
			widget.card.textContent = '';
			parts = widget.parts = { name: element(widget.card, 'div', 'name') };
			var line = element(widget.card, 'div', 'score');
			parts.value = element(line, 'span');
			element(line, 'span', 'max', ' / 100');
			parts.tier = element(widget.card, 'div');
			parts.rated = element(widget.card, 'div', 'muted');
			parts.link = element(widget.card, 'a');
			parts.link.target = '_blank';
			parts.link.rel = 'noopener';
		}
		parts.name.textContent = brand.name;
		parts.value.textContent = value;
		parts.tier.textContent = tier;
		parts.tier.className = 'tier ' + score.tier;
		parts.rated.textContent = rated;
		var href = webUrl(brand.url);
		parts.link.hidden = !href;
		parts.link.href = href || '';
		parts.link.textContent = 'How ' + brand.name + ' resolves complaints';
		widget.card.setAttribute('aria-label',
			brand.name + ' Resolution Score ' + value + ' out of 100, ' + tier + ', ' + rated);
		var host = widget.host;
		host.setAttribute('data-redress-score', value);
		host.setAttribute('data-redress-tier', score.tier);
		host.setAttribute('data-redress-rated', String(score.ratedCount));
		host.setAttribute('data-redress-state', 'ready');
	}

	// Server-Sent Events: the server sends the current score on connect, then each change.
	function listen(widget) {
		var delay = MIN_DELAY;
		var source;
		widget.card.setAttribute('aria-live', 'polite');
		(function connect() {
			if (!widget.host.isConnected) {
				return; // removed from the page: stop holding a connection
			}
			source = new EventSource(widget.url + '/live');
			source.addEventListener('score', function (event) {
				if (!widget.host.isConnected) {
					return source.close();
				}
				delay = MIN_DELAY;
				try {
					render(widget, JSON.parse(event.data));
				}
				catch (e) {
					// a malformed event: keep showing the last good score
				}
			});
			source.onerror = function () {
				// While CONNECTING the browser retries by itself; CLOSED means it gave up (an HTTP error).
				if (source.readyState === EventSource.CLOSED) {
					source.close();
					setTimeout(connect, delay);
					delay = Math.min(delay * 2, MAX_DELAY);
				}
			};
		})();
	}

	function scan(root) {
		root = root || document;
		var hosts = [];
		if (root.matches && root.matches(SELECTOR)) {
			hosts.push(root);
		}
		if (root.querySelectorAll) {
			hosts.push.apply(hosts, root.querySelectorAll(SELECTOR));
		}
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
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', function () {
			scan(document);
		});
	}
	else {
		scan(document);
	}
})();
