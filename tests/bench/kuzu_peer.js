// Kuzu's side of graph_peers.py: loads gen_graph.py's TSV edge list into a
// fresh on-disk Kuzu database (COPY FROM), reopens it, and answers the same
// 2-hop neighborhood (plain and time-windowed) and shortest-path questions in
// Cypher, undirected.
//
//   NODE_PATH=/tmp/kuzu/node_modules node kuzu_peer.js g.tsv questions.json DB_DIR
//
// Prints one JSON object: build (COPY) and load (open + first query) seconds,
// per-query median seconds, the 2-hop vertex sets and the path lengths.
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

function seconds(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function all(conn, statement, params) {
  const result = params ? await conn.execute(statement, params) : await conn.query(statement);
  return result.getAll();
}

async function timed(repeat, fn) {
  const times = [];
  let value;
  for (let i = 0; i < repeat; ++i) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    times.push(seconds(t0));
  }
  return [median(times), value];
}

async function main() {
  const [edgelist, questionsPath, dbDir] = process.argv.slice(2);
  const q = JSON.parse(fs.readFileSync(questionsPath, "utf8"));
  fs.rmSync(dbDir, { recursive: true, force: true });

  // Kuzu wants the vertices in their own file before the edges.
  const ids = new Set();
  for (const line of fs.readFileSync(edgelist, "utf8").split("\n")) {
    if (!line) continue;
    const [a, b] = line.split("\t", 2);
    ids.add(a);
    ids.add(b);
  }
  const nodesCsv = dbDir + ".nodes.csv";
  fs.writeFileSync(nodesCsv, [...ids].join("\n") + "\n");
  // COPY picks its reader by the file's extension.
  const edgesCsv = dbDir + ".edges.csv";
  fs.rmSync(edgesCsv, { force: true });
  fs.symlinkSync(path.resolve(edgelist), edgesCsv);

  let t0 = process.hrtime.bigint();
  let db = new kuzu.Database(dbDir);
  let conn = new kuzu.Connection(db);
  await all(conn, "CREATE NODE TABLE V(id INT64, PRIMARY KEY(id))");
  await all(conn, "CREATE REL TABLE E(FROM V TO V, relation STRING, start DATE, finish DATE)");
  await all(conn, `COPY V FROM '${path.resolve(nodesCsv)}' (HEADER=false)`);
  await all(conn, `COPY E FROM '${path.resolve(edgesCsv)}' (HEADER=false, DELIM='${"\t"}')`);
  const build = seconds(t0);
  await conn.close();
  await db.close();

  t0 = process.hrtime.bigint();
  db = new kuzu.Database(dbDir);
  conn = new kuzu.Connection(db);
  await all(conn, "MATCH (v:V) RETURN count(*)");
  const load = seconds(t0);

  // SHORTEST keeps one path per reached vertex: a BFS, not an enumeration of walks.
  const hood = await conn.prepare(
    "MATCH (a:V {id: $s})-[:E* SHORTEST 1..2]-(b:V) WHERE b.id <> $s RETURN DISTINCT b.id AS id");
  // The window is a predicate on every edge of the walk (Kuzu's recursive-pattern
  // filter). Kuzu refuses parameters there, so its two dates are written in.
  const [from, to] = q.window.map((d) => d.replace(/[^0-9-]/g, ""));
  const windowHood = await conn.prepare(
    `MATCH (a:V {id: $s})-[:E* SHORTEST 1..2 (r, n | WHERE r.start <= date('${to}') AND ` +
    `r.finish >= date('${from}'))]-(b:V) WHERE b.id <> $s RETURN DISTINCT b.id AS id`);
  const shortest = await conn.prepare(
    "MATCH p = (a:V {id: $a})-[:E* SHORTEST 1..30]-(b:V {id: $b}) RETURN length(p) AS n");
  const hoodTimes = [], sets = [], windowTimes = [], windowSets = [], pathTimes = [], lengths = [];
  for (const s of q.seeds) {
    const [t, rows] = await timed(q.repeat, () => all(conn, hood, { s }));
    hoodTimes.push(t);
    sets.push(rows.map((r) => Number(r.id)));
  }
  for (const s of q.seeds) {
    const [t, rows] = await timed(q.repeat, () => all(conn, windowHood, { s }));
    windowTimes.push(t);
    windowSets.push(rows.map((r) => Number(r.id)));
  }
  for (const [a, b] of q.pairs) {
    const [t, rows] = await timed(q.repeat, () =>
      a === b ? Promise.resolve([{ n: 0 }]) : all(conn, shortest, { a, b }));
    pathTimes.push(t);
    lengths.push(rows.length ? Number(rows[0].n) : -1);
  }
  await conn.close();
  await db.close();
  process.stdout.write(JSON.stringify({ build, load, hood_times: hoodTimes, sets,
                                        window_times: windowTimes, window_sets: windowSets,
                                        path_times: pathTimes, lengths }) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
