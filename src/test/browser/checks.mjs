// What every browser check shares: its settings from the environment, and how it passes a step or fails with a reason.

/** The named environment variables; exits with the list of those missing. */
export function settings(...names) {
	const values = Object.fromEntries(names.map((name) => [name, process.env[name]]));
	const missing = names.filter((name) => !values[name]);
	if (missing.length > 0) {
		console.error(`FAIL: missing environment: ${missing.join(', ')}`);
		process.exit(1);
	}
	return values;
}

/** A check that did not hold: its message is the whole report. */
export class Failure extends Error {
}

export function check(condition, message) {
	if (!condition) {
		throw new Failure(message);
	}
}

export function step(message) {
	console.log(`ok - ${message}`);
}
