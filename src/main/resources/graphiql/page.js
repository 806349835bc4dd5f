// Redress's GraphiQL page. Everything it loads comes from this server (see GraphiQlPage): React and GraphiQL's
// standalone bundles, then setup.json, which holds the README's example operations and, on the dev server only,
// where to get a demo user's token.
(function () {
	'use strict';

	const setupUrl = new URL('setup.json', document.currentScript.src);
	const root = document.getElementById('graphiql');

	function fail(message) {
		root.textContent = message;
	}

	/** A header name set in the Headers tab, whatever its case (fetch would send both, joined by a comma). */
	function hasHeader(headers, name) {
		return Object.keys(headers).some((key) => key.toLowerCase() === name);
	}

	/** graphql-ws at the same host as the page, ws: or wss: as the page is http: or https:. */
	function webSocketUrl(path) {
		const url = new URL(path, location.href);
		url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		return url.href;
	}

	/**
	 * GraphiQL keeps its tabs in localStorage; a namespace per set of examples opens the README's current
	 * examples when they change, and keeps the developer's edits while they do not.
	 */
	function namespacedStorage(namespace) {
		const prefix = `${namespace}:`;
		const keys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
		return {
			getItem: (key) => localStorage.getItem(prefix + key),
			setItem: (key, value) => localStorage.setItem(prefix + key, value),
			removeItem: (key) => localStorage.removeItem(prefix + key),
			clear: () => keys().forEach((key) => localStorage.removeItem(key)),
			get length() {
				return keys().length;
			},
		};
	}

	/**
	 * The dev server's "Sign in as": the chosen demo user's token goes with every request (HTTP, and graphql-ws's
	 * connection_init) unless the Headers tab sets an Authorization of its own. Tokens expire, so a new one is
	 * fetched a minute before.
	 */
	async function demoSignIn(path) {
		const bar = document.getElementById('sign-in');
		const select = document.getElementById('sign-in-user');
		const status = document.getElementById('sign-in-status');
		const response = await fetch(path, { headers: { Accept: 'application/json' } });
		if (!response.ok) {
			throw new Error(`${path} answered ${response.status}`);
		}
		for (const user of (await response.json()).users) {
			select.add(new Option(user, user));
		}
		bar.hidden = false;
		let current = null;

		function show(message, failed) {
			status.textContent = message;
			status.classList.toggle('failed', Boolean(failed));
		}

		async function token() {
			const user = select.value;
			if (!user) {
				return null;
			}
			if (!current || current.user !== user || current.expiresAt < Date.now() + 60000) {
				const answer = await fetch(path, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
					body: JSON.stringify({ user }),
				});
				if (!answer.ok) {
					throw new Error(`No token for ${user}: ${path} answered ${answer.status}`);
				}
				const body = await answer.json();
				current = { user, token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
			}
			return current.token;
		}

		async function signIn() {
			sessionStorage.setItem('redress-graphiql-user', select.value);
			delete select.dataset.signedIn;
			if (!select.value) {
				show('Requests go without a token, unless the Headers tab sets one.');
				return;
			}
			try {
				await token();
				show(`Every request carries ${select.value}'s token, unless the Headers tab sets an Authorization.`);
				select.dataset.signedIn = select.value;
			}
			catch (error) {
				show(error.message, true);
			}
		}

		select.addEventListener('change', signIn);
		const remembered = sessionStorage.getItem('redress-graphiql-user');
		if (remembered && [...select.options].some((option) => option.value === remembered)) {
			select.value = remembered;
		}
		await signIn();
		return { token };
	}

	async function start() {
		if (!window.React || !window.ReactDOM || !window.GraphiQL) {
			fail('GraphiQL\'s scripts did not load.');
			return;
		}
		const response = await fetch(setupUrl, { headers: { Accept: 'application/json' } });
		if (!response.ok) {
			fail(`GraphiQL's setup did not load: ${setupUrl} answered ${response.status}.`);
			return;
		}
		const setup = await response.json();
		const session = setup.signIn ? await demoSignIn(new URL(setup.signIn, location.href).href)
			.catch((error) => {
				console.warn('Demo sign-in is not available', error);
				return null;
			}) : null;
		const send = GraphiQL.createFetcher({
			url: new URL(setup.endpoint, location.href).href,
			subscriptionUrl: setup.subscriptions ? webSocketUrl(setup.subscriptions) : undefined,
		});
		const fetcher = async (params, options) => {
			const headers = { ...(options && options.headers) };
			if (session && !hasHeader(headers, 'authorization')) {
				const token = await session.token();
				if (token) {
					headers.Authorization = `Bearer ${token}`;
				}
			}
			return send(params, { ...options, headers });
		};
		const tabs = setup.examples.map((example) => ({ query: example.query, variables: example.variables ?? undefined }));
		ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
			fetcher,
			defaultTabs: tabs.length > 0 ? tabs : undefined,
			storage: namespacedStorage(setup.storageNamespace),
		}));
	}

	start().catch((error) => fail(`GraphiQL did not start: ${error.message}`));
}());
