/*
 * Redress Resolution Score widget: renders every <div class="redress-widget" data-brand="slug"> on the page
 * (optional data-variant="card|mini|micro|carousel", data-theme="dark", data-locale="de", data-live="true").
 * window.Redress.scan(root) renders widgets added later. The server sends each widget as a tree of elements, the very
 * one its iframe card shows; this script builds it with text only, never markup.
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
	var CSS = '__WIDGET_CSS__'; // widget.css, written in by the server
	var TAGS = /^(div|p|span|a|ul|li|strong)$/;
	var ATTRIBUTES = /^(role|aria-label|aria-hidden|tabindex|target|rel|href)$/;
	var NOTICES = { loading: 'Loading Resolution Score\u2026', missing: 'No Resolution Score for this brand',
		error: 'Resolution Score unavailable' };

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

	// One element of the server's tree: known tags and attributes only, and text as text.
	function build(node) {
		var element = document.createElement(TAGS.test(node.t) ? node.t : 'span');
		if (node.c) element.className = node.c;
		var attributes = node.a || {};
		Object.keys(attributes).forEach(function (name) {
			var value = name === 'href' ? webUrl(attributes[name]) : String(attributes[name]);
			if (ATTRIBUTES.test(name) && value) element.setAttribute(name, value);
		});
		if (node.x != null) element.textContent = node.x;
		(node.k || []).forEach(function (child) { element.appendChild(build(child)); });
		return element;
	}

	function option(host, name) {
		var value = host.getAttribute('data-' + name);
		return value ? '&' + name + '=' + encodeURIComponent(value) : '';
	}

	function mount(host) {
		if (host.hasAttribute('data-redress-state') || host.shadowRoot) return; // rendered already
		var root = host.attachShadow({ mode: 'open' });
		root.appendChild(document.createElement('style')).textContent = CSS;
		var widget = {
			host: host,
			box: root.appendChild(document.createElement('div')),
			url: base + encodeURIComponent(host.getAttribute('data-brand')),
			query: '?variant=' + encodeURIComponent(host.getAttribute('data-variant') || 'card') +
				option(host, 'locale')
		};
		widget.box.className = host.getAttribute('data-theme') === 'dark' ? 'redress dark' : 'redress';
		notice(widget, 'loading');
		fetch(widget.url + '/score.json' + widget.query, { credentials: 'omit' })
			.then(function (response) {
				if (response.status === 404) return notice(widget, 'missing');
				if (!response.ok) throw new Error('HTTP ' + response.status);
				return response.json().then(function (data) { render(widget, data); });
			})
			.catch(function () { notice(widget, 'error'); })
			.then(function () {
				var ready = host.getAttribute('data-redress-state') === 'ready';
				if (host.getAttribute('data-live') === 'true' && ready) listen(widget);
			});
	}

	function notice(widget, state) {
		widget.host.setAttribute('data-redress-state', state);
		var text = document.createElement('p');
		text.className = 'muted';
		text.textContent = NOTICES[state];
		widget.box.replaceChildren(text);
	}

	function render(widget, data) {
		if (!data.view) return; // a live carousel's update: its cases are not followed live
		var score = data.score, host = widget.host;
		widget.box.replaceChildren(build(data.view));
		widget.box.lang = data.locale || '';
		host.setAttribute('data-redress-score', score.value.toFixed(1));
		host.setAttribute('data-redress-tier', score.tier);
		host.setAttribute('data-redress-rated', String(score.ratedCount));
		host.setAttribute('data-redress-state', 'ready');
	}

	// Server-Sent Events: the current score on connect, then each change. Widgets of one brand, shape and language
	// share one stream, so a page with many of them stays within the browser's few connections per server.
	var streams = {};

	function listen(widget) {
		widget.box.setAttribute('aria-live', 'polite');
		var key = widget.url + '/live' + widget.query;
		var stream = streams[key];
		if (stream) {
			stream.widgets.push(widget);
			return;
		}
		stream = streams[key] = { widgets: [widget], delay: 1000 };
		(function connect() {
			stream.widgets = stream.widgets.filter(function (w) { return w.host.isConnected; });
			if (!stream.widgets.length) { // all removed from the page: hold no connection for them
				delete streams[key];
				return;
			}
			var source = new EventSource(key);
			source.addEventListener('score', function (event) {
				stream.delay = 1000;
				stream.widgets = stream.widgets.filter(function (w) { return w.host.isConnected; });
				if (!stream.widgets.length) {
					source.close();
					delete streams[key];
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
