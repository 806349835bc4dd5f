// PostGraphile v5 on Redress's tables, as the read benchmark measures it (issue 12): the amber preset, nothing tuned.
// DATABASE_URL (postgres://user:password@host:port/database) and PORT come from the environment; the benchmark sets
// both. Started with the Node 22 this package installs (PostGraphile 5 needs Node >= 22):
//   node_modules/.bin/node node_modules/.bin/postgraphile -C graphile.config.mjs
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const connectionString = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/redress_bench";

export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"] })],
  grafserv: { port: Number(process.env.PORT ?? 5678), host: "127.0.0.1" },
};
