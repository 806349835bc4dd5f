// The public face as shoppers see it, in one browser session: every widget shape in both themes (as an iframe card
// and drawn by embed.js on a partner page), the brand page and a complaint's page. Each must show exactly what
// GraphQL's brand.score says, pass axe-core (WCAG 2.2 A and AA) without a single violation, load nothing from any
// other host and set no cookie. A screenshot of each goes to SCREENSHOTS. Run by WidgetBrowserTests; exits 0 on
// success, 1 with the reasons.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { Failure, check, settings, step } from './checks.mjs';

const env = settings('SERVER', 'PARTNER_URL', 'BRAND_SLUG', 'FEW_SLUG', 'COMPLAINT_ID', 'SCREENSHOTS', 'CHROMIUM');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VARIANTS = ['card', 'mini', 'micro', 'carousel'];
const THEMES = ['light', 'dark'];
const TIERS = { EXCELLENT: 'Excellent', GREAT: 'Great', GOOD: 'Good', FAIR: 'Fair', POOR: 'Poor' };
const partner = new URL(env.PARTNER_URL).origin;

async function score(slug) {
	const response = await fetch(`${env.SERVER}/graphql`, {
		method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify({ query: 'query($slug: String!) { brand(slug: $slug) { score { value tier ratedCount } } }',
			variables: { slug } }),
	});
	const body = await response.json();
	check(body.data?.brand, `GraphQL knows no brand ${slug}: ${JSON.stringify(body)}`);
	return body.data.brand.score;
}

/** What a widget shows, read from its rendered text: the score, the tier's word, the count. */
function shown(root) {
	const text = (selector) => root.querySelector(selector)?.textContent ?? null;
	return { value: text('.value'), tier: text('.tier') ?? text('.tier-word'), count: text('.count'),
		all: (root.innerText ?? root.textContent).replace(/\s+/g, ' ') };
}

/** The widget's text against brand.score: the very number, tier and count, or no number at all under five ratings. */
function agrees(widget, expected, what) {
	if (expected.tier === 'NOT_ENOUGH_DATA') {
		check(widget.value === null, `${what}: shows the number ${widget.value} with only ${expected.ratedCount} ratings`);
		check(widget.count === `Not enough ratings yet (${expected.ratedCount} of 5)`, `${what}: says "${widget.count}"`);
		return;
	}
	check(widget.value === expected.value.toFixed(1), `${what}: shows ${widget.value}, brand.score is ${expected.value}`);
	check(widget.tier === TIERS[expected.tier], `${what}: tier "${widget.tier}", brand.score's is ${expected.tier}`);
	const count = new RegExp(`\\b${expected.ratedCount} (rated complaints|ratings)$`);
	check(count.test(widget.count), `${what}: count "${widget.count}", brand.score has ${expected.ratedCount}`);
	check(widget.all.includes('out of 100'), `${what}: no "out of 100" in "${widget.all}"`);
}

/** axe-core on the page as it is now, shadow roots included; returns its violations in words. */
async function axe(page, what) {
	if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
		await page.addScriptTag({ path: AXE });
	}
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
	}));
	// A run that checked nothing would find nothing: it must have checked the contrast of real text.
	check(result.passes.some((rule) => rule.id === 'color-contrast'), `${what}: axe-core checked no text's contrast`);
	return result.violations.map((violation) => `${what}: ${violation.id} (${violation.help}) at `
		+ violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', '));
}

let browser;
let failed = false;
try {
	browser = await chromium.launch({ executablePath: env.CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'] });
	// axe is put into each page by the test; the pages' own policy forbids any script, rightly.
	const context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 900, height: 700 } });
	const elsewhere = [];
	await context.route('**/*', (route) => {
		const origin = new URL(route.request().url()).origin;
		if (origin === env.SERVER || origin === partner) {
			return route.continue();
		}
		elsewhere.push(route.request().url());
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	fs.mkdirSync(env.SCREENSHOTS, { recursive: true });
	const violations = [];
	const expected = { [env.BRAND_SLUG]: await score(env.BRAND_SLUG), [env.FEW_SLUG]: await score(env.FEW_SLUG) };
	check(expected[env.BRAND_SLUG].tier !== 'NOT_ENOUGH_DATA', `${env.BRAND_SLUG} has no tier yet`);

	// Every shape and theme as the iframe card, for both brands.
	for (const slug of [env.BRAND_SLUG, env.FEW_SLUG]) {
		for (const variant of VARIANTS) {
			for (const theme of THEMES) {
				const what = `iframe ${variant} ${theme} of ${slug === env.BRAND_SLUG ? 'the rated brand' : 'a brand with few ratings'}`;
				await page.goto(`${env.SERVER}/widgets/${slug}?variant=${variant}&theme=${theme}`);
				agrees(await page.locator('main').evaluate(shown), expected[slug], what);
				violations.push(...await axe(page, what));
				const name = `${slug === env.BRAND_SLUG ? 'rated' : 'few'}-${variant}-${theme}.png`;
				await page.locator('main > *').first().screenshot({ path: path.join(env.SCREENSHOTS, name) });
			}
		}
	}
	step(`${VARIANTS.length * THEMES.length * 2} iframe widgets show brand.score; screenshots in ${env.SCREENSHOTS}`);

	// The same shapes drawn by embed.js on a partner's page, on another origin.
	await page.goto(env.PARTNER_URL);
	await page.waitForFunction(() => [...document.querySelectorAll('.redress-widget')]
		.every((host) => host.getAttribute('data-redress-state') === 'ready'), null, { timeout: 20000 })
		.catch(async () => {
			throw new Failure(`embedded widgets not ready: ${await page.evaluate(() => [...document.querySelectorAll('.redress-widget')]
				.map((host) => host.getAttribute('data-redress-state')).join(', '))}`);
		});
	const embedded = await page.evaluate((read) => [...document.querySelectorAll('.redress-widget')].map((host) => ({
		slug: host.dataset.brand, variant: host.dataset.variant, theme: host.dataset.theme,
		widget: new Function('root', `return (${read})(root)`)(host.shadowRoot.querySelector('.redress')),
	})), shown.toString());
	for (const { slug, variant, theme, widget } of embedded) {
		agrees(widget, expected[slug], `embed.js ${variant} ${theme} of ${slug}`);
	}
	violations.push(...await axe(page, 'partner page with embed.js widgets'));
	await page.screenshot({ path: path.join(env.SCREENSHOTS, 'embed-partner-page.png'), fullPage: true });
	// The one design: an embedded card and the iframe card look alike, to the pixel size.
	const embeddedCard = await page.locator('.redress-widget[data-variant="card"][data-theme="light"]').first()
		.evaluate((host) => host.shadowRoot.querySelector('.card').getBoundingClientRect().height);
	await page.goto(`${env.SERVER}/widgets/${env.BRAND_SLUG}?variant=card`);
	const iframeCard = await page.locator('.card').evaluate((card) => card.getBoundingClientRect().height);
	check(Math.abs(embeddedCard - iframeCard) <= 2, `the embedded card is ${embeddedCard}px high, the iframe card ${iframeCard}px`);
	step(`${embedded.length} embed.js widgets show brand.score and match the iframe card's design`);

	// The brand page in both themes, and a complaint's page.
	for (const theme of THEMES) {
		await page.goto(`${env.SERVER}/brands/${env.BRAND_SLUG}?theme=${theme}`);
		agrees(await page.locator('.card').evaluate(shown), expected[env.BRAND_SLUG], `brand page ${theme}`);
		violations.push(...await axe(page, `brand page ${theme}`));
		await page.screenshot({ path: path.join(env.SCREENSHOTS, `brand-page-${theme}.png`), fullPage: true });
	}
	await page.goto(`${env.SERVER}/complaints/${env.COMPLAINT_ID}`);
	violations.push(...await axe(page, 'complaint page'));
	await page.screenshot({ path: path.join(env.SCREENSHOTS, 'complaint-page.png'), fullPage: true });
	step('the brand page (light and dark) and a complaint page rendered');

	check(violations.length === 0, `axe-core found ${violations.length} violations:\n  ${violations.join('\n  ')}`);
	step('axe-core: no WCAG 2.2 A/AA violation on any page, widget shape or theme');
	const cookies = await context.cookies();
	check(cookies.length === 0, `cookies were set: ${cookies.map((cookie) => cookie.name).join(', ')}`);
	check(elsewhere.length === 0, `asked another host for: ${elsewhere.join(', ')}`);
	check(problems.length === 0, problems.join('; '));
	step('no cookie set, nothing asked of another host, no page errors');
}
catch (error) {
	failed = true;
	console.error(`FAIL: ${error instanceof Failure ? error.message : error.stack}`);
}
finally {
	await browser?.close();
}
process.exit(failed ? 1 : 0);
