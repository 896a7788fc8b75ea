// Loads a `kg export --format csv` directory into an in-memory Kuzu database
// by running its load.cypher, then compares Cypher answers with what kg says
// it wrote. Usage: node check_kuzu.js DIR EXPECTED_JSON (see check_export.py
// for EXPECTED_JSON). Exit 0 equal, 1 a difference, 77 the kuzu module is
// missing (NODE_PATH must reach it).
"use strict";
const fs = require("fs");

let kuzu;
try {
  kuzu = require("kuzu");
} catch (e) {
  console.log(`SKIP: node module 'kuzu' not found (${e.message.split("\n")[0]})`);
  process.exit(77);
}

function isoDate(d) {
  if (d === null || d === undefined) return null;
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
}

async function main(dir, expectedPath) {
  const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
  const script = fs.readFileSync(`${dir}/load.cypher`, "utf8");
  process.chdir(dir);  // load.cypher names its files relative to its directory
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const statements = script.split("\n").filter((l) => !l.startsWith("//") && l.trim() !== "");
  for (const s of statements) await conn.query(s);
  const errors = [];
  const one = async (q) => (await (await conn.query(q)).getAll())[0];
  const nodes = Number((await one("MATCH (e:Entity) RETURN count(*) AS n")).n);
  const edges = Number((await one("MATCH ()-[f:Fact]->() RETURN count(*) AS n")).n);
  if (nodes !== expected.nodes) errors.push(`nodes: got ${nodes}, want ${expected.nodes}`);
  if (edges !== expected.edges) errors.push(`edges: got ${edges}, want ${expected.edges}`);

  const entityRows = await (await conn.query(
      "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type, e.mentions AS mentions"))
      .getAll();
  const entities = new Map(entityRows.map((r) => [r.id, r]));
  for (const want of expected.node_samples) {
    const got = entities.get(want.id);
    if (!got) { errors.push(`node ${want.id} missing`); continue; }
    if (got.name !== want.name) errors.push(`node ${want.id} name: ${got.name} != ${want.name}`);
    if ((got.type || null) !== want.type) errors.push(`node ${want.id} type: ${got.type} != ${want.type}`);
    if (Number(got.mentions) !== want.mentions) errors.push(`node ${want.id} mentions: ${got.mentions}`);
  }
  const factRows = await (await conn.query(
      "MATCH (a:Entity)-[f:Fact]->(b:Entity) RETURN a.id AS source, b.id AS target, " +
      "f.relation AS relation, f.start_date AS start_date, f.end_date AS end_date, f.negated AS negated, " +
      "f.hedged AS hedged, f.sentence AS sentence, f.span_begin AS span_begin")).getAll();
  const facts = new Map(factRows.map((r) =>
      [`${r.source}|${r.target}|${r.relation}|${Number(r.span_begin)}`, r]));
  for (const want of expected.edge_samples) {
    const got = facts.get(`${want.source}|${want.target}|${want.relation}|${want.span_begin}`);
    if (!got) { errors.push(`edge ${want.id} missing`); continue; }
    const pairs = [["start", isoDate(got.start_date), want.start], ["end", isoDate(got.end_date), want.end],
                   ["negated", got.negated, want.negated], ["hedged", got.hedged, want.hedged],
                   ["sentence", got.sentence || null, want.sentence]];
    for (const [k, g, w] of pairs) {
      if (g !== w) errors.push(`edge ${want.id} ${k}: got ${JSON.stringify(g)}, want ${JSON.stringify(w)}`);
    }
  }
  for (const e of errors.slice(0, 20)) console.log("FAIL:", e);
  if (errors.length) return 1;
  console.log(`OK: kuzu ${kuzu.VERSION} COPY FROM: ${nodes} nodes, ${edges} edges, ` +
              `${expected.node_samples.length} + ${expected.edge_samples.length} samples`);
  return 0;
}

main(process.argv[2], process.argv[3]).then((code) => process.exit(code), (e) => {
  console.log("FAIL:", e.message);
  process.exit(1);
});
