// GraphiQL as a developer opens it on the dev server, with no internet: every file and request goes to the server
// itself, the editor renders (not "Loading…"), the README's examples are the first tabs, and "Sign in as" alice
// runs a query and a graphql-ws subscription as her. Run by GraphiQlTests; exits 0 on success, 1 with the reason.
import { chromium } from 'playwright-core';
import { Failure, check, settings, step } from './checks.mjs';

const env = settings('GRAPHIQL_URL', 'START_CURSOR', 'COMPLAINT_TITLE', 'CHROMIUM');

const server = new URL(env.GRAPHIQL_URL).origin;
const socketServer = server.replace(/^http/, 'ws');

/** The text of one of GraphiQL's CodeMirror editors ('.graphiql-query-editor', '.graphiql-response'). */
function editorText(page, editor) {
	return page.evaluate((selector) => document.querySelector(`${selector} .CodeMirror`).CodeMirror.getValue(), editor);
}

/** Opens a new tab, types an operation into it and runs it, once GraphiQL has read its name. */
async function run(page, name, source) {
	await page.locator('button.graphiql-tab-add').click();
	await page.evaluate((text) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text),
		source);
	await page.locator('.graphiql-tab-active .graphiql-tab-button', { hasText: name }).waitFor({ timeout: 5000 });
	await page.locator('button.graphiql-execute-button').click();
}

async function responseContains(page, text, what) {
	await page.waitForFunction((expected) => document.querySelector('.graphiql-response .CodeMirror')
		?.CodeMirror.getValue().includes(expected), text, { timeout: 20000 })
		.catch(async () => {
			throw new Failure(`${what}: the response never contained ${text}; it reads ${await editorText(page, '.graphiql-response')}`);
		});
}

let browser;
let failed = false;
try {
	browser = await chromium.launch({
		executablePath: env.CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
	});
	const context = await browser.newContext();
	const elsewhere = [];
	// As on a machine without internet: only the server answers; anything else fails, and is reported.
	await context.route('**/*', (route) => {
		if (new URL(route.request().url()).origin === server) {
			return route.continue();
		}
		elsewhere.push(route.request().url());
		return route.abort('internetdisconnected');
	});
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
	const sockets = [];
	page.on('websocket', (socket) => sockets.push(socket.url()));

	await page.goto(env.GRAPHIQL_URL);
	await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor({ timeout: 20000 })
		.catch(async () => {
			throw new Failure(`GraphiQL did not render its editor in 20 s; the page reads "${await page.locator('body').innerText()}"`);
		});
	check(!(await page.locator('body').innerText()).includes('Loading'), 'the page still says Loading');
	step(`GraphiQL rendered its editor at ${env.GRAPHIQL_URL}`);

	const setup = await (await fetch(`${env.GRAPHIQL_URL}/setup.json`)).json();
	const tabs = await page.locator('.graphiql-tab').count();
	check(setup.examples.length > 0, 'setup.json lists no examples');
	check(setup.examples.length === 1 || tabs === setup.examples.length,
		`${setup.examples.length} examples but ${tabs} tabs`);
	check(await editorText(page, '.graphiql-query-editor') === setup.examples[0].query,
		`the first tab is not the README's first example: ${await editorText(page, '.graphiql-query-editor')}`);
	step(`the README's ${setup.examples.length} examples are the tabs, the first one open`);

	await page.selectOption('#sign-in-user', 'alice');
	await page.locator('#sign-in-user[data-signed-in="alice"]').waitFor({ timeout: 10000 });
	step(`signed in: ${await page.locator('#sign-in-status').innerText()}`);

	await run(page, 'Me', 'query Me { viewer { subject } }');
	await responseContains(page, '"subject": "alice"', 'viewer as alice');
	step('a query runs as alice');

	await run(page, 'Mine', `subscription Mine { viewerEvents(after: "${env.START_CURSOR}") { type complaint { title } } }`);
	await responseContains(page, env.COMPLAINT_TITLE, 'viewerEvents as alice');
	await page.locator('button.graphiql-execute-button').click();
	check(sockets.length > 0 && sockets.every((url) => url.startsWith(`${socketServer}/`)),
		`graphql-ws sockets: ${sockets.join(', ')}`);
	step(`a subscription over ${sockets[0]} delivers alice's events`);

	if (process.env.SCREENSHOT) {
		await page.screenshot({ path: process.env.SCREENSHOT });
	}
	check(elsewhere.length === 0, `the page asked for files elsewhere: ${elsewhere.join(', ')}`);
	check(problems.length === 0, problems.join('; '));
	step('nothing was asked of another host; no page or console errors');
}
catch (error) {
	failed = true;
	console.error(`FAIL: ${error instanceof Failure ? error.message : error.stack}`);
}
finally {
	await browser?.close();
}
process.exit(failed ? 1 : 0);
