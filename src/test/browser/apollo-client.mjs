// Apollo Client as a single-page app uses it, without a browser: automatic persisted queries with hashed queries
// sent by GET, a mutation through the same link, and the schema a code generator downloads. Run by
// ApolloClientTests; exits 0 on success, 1 with the reason on failure.
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { buildSchema } from 'graphql';
import { Failure, check, settings, step } from './checks.mjs';

const env = settings('GRAPHQL_URL', 'BRAND_SLUG', 'OWNER_TOKEN', 'NEW_SLUG');

/** Every HTTP exchange the client makes: method, whether it carried the document's text, status, caching. */
const exchanges = [];

async function recordingFetch(url, init = {}) {
	const response = await fetch(url, init);
	const method = init.method ?? 'GET';
	const carriesText = method === 'GET' ? new URL(url).searchParams.has('query')
		: JSON.parse(init.body).query !== undefined;
	exchanges.push({ method, carriesText, status: response.status, cacheControl: response.headers.get('cache-control') });
	return response;
}

function client(token) {
	const persisted = new PersistedQueryLink({
		sha256: (text) => createHash('sha256').update(text).digest('hex'),
		useGETForHashedQueries: true,
	});
	const headers = token ? { Authorization: `Bearer ${token}` } : {};
	return new ApolloClient({
		cache: new InMemoryCache(),
		link: ApolloLink.from([persisted, new HttpLink({ uri: env.GRAPHQL_URL, fetch: recordingFetch, headers })]),
		defaultOptions: { query: { fetchPolicy: 'network-only' } },
	});
}

function described(list) {
	return JSON.stringify(list);
}

let failed = false;
try {
	const BRAND = gql`query ApolloBrand($slug: String!) { brand(slug: $slug) { slug name } }`;

	const first = await client().query({ query: BRAND, variables: { slug: env.BRAND_SLUG } });
	check(first.data?.brand?.slug === env.BRAND_SLUG, `the first query answered ${JSON.stringify(first)}`);
	check(exchanges.length === 2 && exchanges[0].method === 'GET' && !exchanges[0].carriesText
		&& exchanges[1].method === 'POST' && exchanges[1].carriesText,
		`a new document should go as its hash by GET, then with its text by POST: ${described(exchanges)}`);
	step('an unknown hash by GET got PersistedQueryNotFound, and the client sent the text by POST');

	exchanges.length = 0;
	const second = await client().query({ query: BRAND, variables: { slug: env.BRAND_SLUG } });
	check(second.data?.brand?.name, `the second query answered ${JSON.stringify(second)}`);
	check(exchanges.length === 1 && exchanges[0].method === 'GET' && !exchanges[0].carriesText
		&& exchanges[0].status === 200 && /public/.test(exchanges[0].cacheControl ?? ''),
		`a known document should be one cacheable GET of its hash: ${described(exchanges)}`);
	step(`a known hash was one GET (${exchanges[0].cacheControl}), by a new client without the text`);

	exchanges.length = 0;
	const REGISTER = gql`mutation ApolloRegister($input: RegisterBrandInput!) {
		registerBrand(input: $input) { brand { slug } userErrors { code } }
	}`;
	const registered = await client(env.OWNER_TOKEN).mutate({ mutation: REGISTER, variables: { input: {
		name: env.NEW_SLUG, website: `${env.NEW_SLUG}.example`, slug: env.NEW_SLUG } } });
	check(registered.data?.registerBrand?.brand?.slug === env.NEW_SLUG,
		`the mutation answered ${JSON.stringify(registered)}`);
	check(exchanges.every((exchange) => exchange.method === 'POST'),
		`a mutation must never go by GET: ${described(exchanges)}`);
	step(`the mutation went by POST only (${exchanges.length} requests)`);

	const schemaUrl = `${env.GRAPHQL_URL}/schema`;
	const sdl = await fetch(schemaUrl, { headers: { Authorization: `Bearer ${env.OWNER_TOKEN}` } });
	check(sdl.status === 200, `${schemaUrl} answered ${sdl.status}`);
	const schema = buildSchema(await sdl.text());
	check(schema.getMutationType()?.getFields().registerBrand && schema.getType('Complaint'),
		'the downloaded SDL lacks registerBrand or Complaint');
	step(`graphql-js built the schema from ${schemaUrl}: ${Object.keys(schema.getTypeMap()).length} types`);
}
catch (error) {
	failed = true;
	console.error(`FAIL: ${error instanceof Failure ? error.message : error.stack}`);
}
process.exit(failed ? 1 : 0);
