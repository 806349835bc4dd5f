// A partner page on another origin embeds the live widget; a rating commits; the widget shows the new score
// without a reload. Run by WidgetBrowserTests; exits 0 on success, 1 with the reason on failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Failure, check, settings, step } from './checks.mjs';

const env = settings('PARTNER_URL', 'GRAPHQL_URL', 'BRAND_SLUG', 'CONSUMER_TOKEN', 'COMPLAINT_ID', 'CHROMIUM');

const WIDGET = `.redress-widget[data-brand="${env.BRAND_SLUG}"][data-live="true"]`;
const server = new URL(env.GRAPHQL_URL).origin;
const fromServer = (url) => url.startsWith(`${server}/widgets/`);
const isEmbedScript = (url) => url.startsWith(`${server}/widgets/embed.js`);


async function graphql(query, variables, token) {
	const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
	if (token) {
		headers.Authorization = `Bearer ${token}`;
	}
	const response = await fetch(env.GRAPHQL_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
	const body = await response.json().catch(() => null);
	check(response.ok && body && !body.errors, `GraphQL answered ${response.status}: ${JSON.stringify(body)}`);
	return body.data;
}

async function apiScore() {
	const data = await graphql('query($slug: String!) { brand(slug: $slug) { score { value tier ratedCount } } }',
		{ slug: env.BRAND_SLUG });
	check(data.brand, `GraphQL knows no brand ${env.BRAND_SLUG}`);
	return data.brand.score;
}

/** What every live widget of the brand on the page shows (the page may hold several). */
async function shown(page) {
	return page.locator(WIDGET).evaluateAll((hosts) => hosts.map((host) => ({
		score: host.getAttribute('data-redress-score'),
		tier: host.getAttribute('data-redress-tier'),
		rated: Number(host.getAttribute('data-redress-rated')),
	})));
}

const same = (widgets, score) => widgets.length > 0 && widgets.every((widget) => widget.score === score.value.toFixed(1)
	&& widget.tier === score.tier && widget.rated === score.ratedCount);

/** The score keeper works just after a commit, so both sides get a few seconds to agree. */
async function agreesWithApi(page, what) {
	const deadline = Date.now() + 5000;
	for (;;) {
		const [widget, score] = [await shown(page), await apiScore()];
		if (same(widget, score)) {
			return score;
		}
		check(Date.now() < deadline, `${what}: widget shows ${JSON.stringify(widget)} but GraphQL says ${JSON.stringify(score)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

// A profile that allows third-party cookies (incognito-like contexts block them), so that a cookie of the
// server's origin would reach it if the widget sent credentials: the cookie check below can then bite.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-chromium-'));
fs.mkdirSync(path.join(profile, 'Default'));
fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
let context;
let failed = false;
try {
	context = await chromium.launchPersistentContext(profile, {
		executablePath: env.CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	await context.addCookies([{ name: 'redress_probe', value: 'visitor', domain: new URL(server).hostname, path: '/',
		sameSite: 'None', secure: true }]);
	const page = context.pages()[0] ?? await context.newPage();
	const pageErrors = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	const widgetRequests = [];
	const traffic = new Map(); // request → what became of it, to explain a widget that never gets ready
	const trafficReport = () => [...traffic].map(([request, outcome]) => `${request.url()} ${outcome}`).join('; ');
	page.on('response', (response) => fromServer(response.url()) && traffic.set(response.request(), response.status()));
	page.on('requestfailed', (request) => fromServer(request.url()) && traffic.set(request, request.failure()?.errorText));
	page.on('request', (request) => {
		if (fromServer(request.url())) {
			traffic.set(request, 'pending');
			const headers = Promise.race([request.allHeaders(), new Promise((resolve) => setTimeout(resolve, 5000, {}))]);
			widgetRequests.push(headers.then((all) => ({ url: request.url(), cookie: all.cookie }), () => ({ url: request.url() })));
		}
	});

	await page.goto(env.PARTNER_URL);
	step(`opened the partner page ${env.PARTNER_URL}`);

	await page.locator(`${WIDGET}[data-redress-state="ready"]`).last().waitFor({ state: 'attached', timeout: 20000 })
		.catch(async () => {
			const state = await page.locator(WIDGET).first().getAttribute('data-redress-state', { timeout: 1000 }).catch(() => null);
			throw new Failure(`the widget was not ready in 20 s (data-redress-state=${state}); requests: ${trafficReport()}`);
		});
	const before = await agreesWithApi(page, 'on load');
	step(`widget shows ${before.value.toFixed(1)}, ${before.tier}, ${before.ratedCount} rated, as GraphQL does`);

	const card = page.locator(`${WIDGET} [role="group"]`).first();
	const text = await card.innerText();
	check(text.includes(before.value.toFixed(1)) && text.includes('out of 100'), `the card reads "${text}"`);
	check((await card.getAttribute('aria-label')).includes(before.value.toFixed(1)), 'the card\'s label names the score');
	const link = card.locator('a');
	const href = await link.getAttribute('href');
	check(/^https?:\/\//.test(href) && /^How .+ resolves complaints$/.test(await link.innerText()),
		`the card links "${await link.innerText()}" to ${href}`);
	step(`the shadow DOM card shows the score and links to ${href}`);

	await page.evaluate(() => { window.redressNotReloaded = true; });
	const rated = await graphql(`mutation($input: RateResolutionInput!) {
		rateResolution(input: $input) { userErrors { code message } } }`,
		{ input: { complaintId: env.COMPLAINT_ID, stars: 5, wouldBuyAgain: true } }, env.CONSUMER_TOKEN);
	check(rated.rateResolution.userErrors.length === 0, `rating failed: ${JSON.stringify(rated.rateResolution.userErrors)}`);
	step(`rated complaint ${env.COMPLAINT_ID}`);

	await page.waitForFunction(([selector, count]) => [...document.querySelectorAll(selector)]
		.every((host) => Number(host.getAttribute('data-redress-rated')) === count), [WIDGET, before.ratedCount + 1],
		{ timeout: 20000 })
		.catch(async () => {
			throw new Failure(`the widget did not show ${before.ratedCount + 1} rated in 20 s: ${JSON.stringify(await shown(page))}`);
		});
	check(await page.evaluate(() => window.redressNotReloaded === true), 'the page reloaded');
	const after = await agreesWithApi(page, 'after the rating');
	step(`widget updated live to ${after.value.toFixed(1)}, ${after.tier}, ${after.ratedCount} rated, as GraphQL does`);

	check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
	const requests = await Promise.all(widgetRequests);
	// The page's own <script> tag may send cookies; what the widget itself asks for must not.
	const probed = requests.some((request) => isEmbedScript(request.url) && request.cookie);
	const fromWidget = requests.filter((request) => !isEmbedScript(request.url));
	const streams = fromWidget.filter((request) => new URL(request.url).pathname.endsWith('/live')).length;
	const widgets = (await shown(page)).length;
	check(streams === 1, `${widgets} live widgets of one brand opened ${streams} streams, not one`);
	const withCookies = fromWidget.filter((request) => request.cookie);
	check(withCookies.length === 0, `widget requests carried cookies: ${withCookies.map((r) => r.url).join(', ')}`);
	step(`no page errors; ${widgets} live widgets shared one stream; ${fromWidget.length} widget requests, none with cookies`
		+ (probed ? ' (though the browser had one to send)' : ' (the browser sent the probe cookie nowhere)'));
}
catch (error) {
	failed = true;
	console.error(`FAIL: ${error instanceof Failure ? error.message : error.stack}`);
}
finally {
	await context?.close();
	fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
