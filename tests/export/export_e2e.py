"""End to end: builds a graph with the real `kg build` from a facts file, runs
`kg export` in every format, and checks each output with its real client
(dot, xmllint, rapper, NetworkX, igraph, Python's csv for neo4j-admin's
grammar) against the facts that went in. Also checks the command's errors:
a missing or corrupt graph and csv without -o fail with one line on stderr
and leave no output file behind.

Usage: export_e2e.py KG WORKDIR [GEXF_XSD]. Exit 0 pass, 1 fail.
"""
import json
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_export  # noqa: E402

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def make_facts():
    """A few hand-written facts with awkward names, then a random batch."""
    facts = [
        ("Elon Musk", "person", "acquired", "Twitter", "platform", "2022-10-27", "2022-10-27"),
        ("Twitter", "platform", "banned", 'Donald "The Donald" Trump', "person", "2021-01-01",
         "2021-01-31"),
        ("Jos\u00e9 Mu\u00f1oz \\ back\\slash", "", "met", "Elon Musk", "person", None, None),
        ("Elon Musk", "person", "sued", "Open AI & <Co>", "organization", "2024-02-29",
         "2024-03-01"),
        ("Elon Musk", "person", "sued", "Open AI & <Co>", "organization", "2024-06-01",
         "2024-06-30"),
    ]
    rng = random.Random(7)
    types = ["person", "organization", "platform", "place"]
    for i in range(2000):
        a, b = rng.randrange(600), rng.randrange(600)
        day = rng.randrange(1, 28)
        facts.append((f"Entity {a}", types[a % 4], rng.choice(["met", "praised", "sued", "owns"]),
                      f"Entity {b}", types[b % 4], f"2023-{1 + i % 12:02d}-{day:02d}",
                      f"2023-{1 + i % 12:02d}-{day:02d}"))
    lines = []
    for i, (s, st, r, o, ot, start, end) in enumerate(facts):
        time = None if start is None else {"start": start, "end": end, "value": start,
                                           "text": "", "source": "explicit"}
        lines.append({"id": f"{i:016x}", "doc": f"doc{i % 7}.txt", "subject": s,
                      "subject_type": st, "relation": r, "object": o, "object_type": ot,
                      "time": time, "negated": i == 2, "hedged": i == 1, "rule": r + ".active",
                      "sentence": f"Sentence {i}: {s} {r} {o}.", "span": [i, i + 10]})
    return lines


def expected_from_nodelink(data, style):
    nodes = [{"id": n["id"], ("label" if style == "gexf" else "name"): n["name"],
              "type": n["type"] or None, "mentions": n["mentions"]} for n in data["nodes"]]
    edges = []
    for e in data["links"]:
        edge = {"id": e["key"], "source": e["source"], "target": e["target"],
                "relation": e["relation"], "start": e["start"], "end": e["end"],
                "negated": e["negated"], "hedged": e["hedged"], "sentence": e["sentence"],
                "span_begin": e["span_begin"]}
        if style == "gexf" and e["start"]:
            edge["spells"] = [[e["start"], e["end"]]]
        edges.append(edge)
    return {"nodes": len(nodes), "edges": len(edges), "node_samples": nodes,
            "edge_samples": edges}


def client(check, path, expected):
    try:
        code = check_export.CHECKS[check](path, check_export.Checker(expected))
    except SystemExit as e:  # the client library is missing
        print(f"SKIP {check}")
        return
    if code != 0:
        fail(f"{check} on {path}")


def expected_triples(data):
    n = sum(1 + bool(v["type"]) + len(v["aliases"]) for v in data["nodes"])
    n += len({e["relation"] for e in data["links"]})
    for e in data["links"]:
        n += (not e["negated"] and not e["hedged"]) + 4 + 2 + 2
        n += sum(bool(e[k]) for k in ("start", "end", "time_value", "time_text", "time_source",
                                       "rule", "doc", "doc_date", "sentence"))
    return n


def main(kg, work, xsd):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    facts = make_facts()
    with open(os.path.join(work, "facts.jsonl"), "w", encoding="utf-8") as f:
        for line in facts:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    graph = os.path.join(work, "g.kg")
    r = run([kg, "build", os.path.join(work, "facts.jsonl"), "-o", graph])
    if r.returncode != 0:
        fail(f"kg build: {r.stderr.strip()}")
        return 1

    out = {}
    for fmt, ext, extra in [("dot", "dot", []), ("graphml", "graphml", []), ("gexf", "gexf", []),
                            ("json", "json", []), ("ntriples", "nt", []),
                            ("json", "cyjs", ["--json-style", "cytoscape"]),
                            ("csv", "csv", [])]:
        path = os.path.join(work, "g." + ext)
        r = run([kg, "export", graph, "--format", fmt, "-o", path] + extra)
        if r.returncode != 0:
            fail(f"kg export --format {fmt}: {r.stderr.strip()}")
        out[ext] = path

    with open(out["json"], encoding="utf-8") as f:
        data = json.load(f)
    # The node-link export against the facts that went in.
    names = {x["subject"] for x in facts} | {x["object"] for x in facts}
    if {n["name"] for n in data["nodes"]} != names:
        fail("entity names differ from the facts'")
    want = sorted((x["subject"], x["relation"], x["object"], (x["time"] or {}).get("start"),
                   x["negated"], x["hedged"]) for x in facts)
    by_id = {n["id"]: n["name"] for n in data["nodes"]}
    got = sorted((by_id[e["source"]], e["relation"], by_id[e["target"]], e["start"], e["negated"],
                  e["hedged"]) for e in data["links"])
    if got != want:
        fail("facts in the node-link export differ from the facts built")
    print(f"OK: kg build + export: {len(names)} entities, {len(facts)} facts")

    xml = expected_from_nodelink(data, "xml")
    client("graphml-networkx", out["graphml"], xml)
    client("graphml-igraph", out["graphml"], xml)
    client("gexf-networkx", out["gexf"], expected_from_nodelink(data, "gexf"))
    client("nodelink-networkx", out["json"], xml)
    client("cytoscape-networkx", out["cyjs"], xml)
    client("csv-neo4j", out["csv"], xml)

    if shutil.which("dot"):
        capped = os.path.join(work, "capped.dot")
        r = run([kg, "export", graph, "--format", "dot", "--cluster", "--max-nodes", "50",
                 "-o", capped])
        r = run(["dot", "-Tsvg", capped, "-o", capped + ".svg"])
        if r.returncode != 0:
            fail(f"dot -Tsvg: {r.stderr}")
        elif open(capped + ".svg", encoding="utf-8").read().count('class="node"') != 50:
            fail("capped DOT does not render 50 nodes")
        else:
            print("OK: dot -Tsvg renders the capped export with 50 nodes")
    if shutil.which("xmllint") and xsd and os.path.exists(xsd):
        r = run(["xmllint", "--noout", "--schema", xsd, out["gexf"]])
        if r.returncode != 0:
            fail(f"xmllint: {r.stderr[:2000]}")
        else:
            print("OK: xmllint validates the GEXF against the 1.3 schema")
    if shutil.which("rapper"):
        r = run(["rapper", "-i", "ntriples", "-c", out["nt"]])
        want_line = f"returned {expected_triples(data)} triples"
        if r.returncode != 0 or want_line not in r.stderr:
            fail(f"rapper: wanted '{want_line}', got: {r.stderr[-500:]}")
        else:
            print(f"OK: rapper: {want_line}")

    r = run([kg, "export", graph, "--format", "dot"])
    if r.returncode != 0 or r.stdout != open(out["dot"], encoding="utf-8").read():
        fail("stdout export differs from the -o file")

    # Errors: one line on stderr, non-zero, no output file.
    corrupt = os.path.join(work, "corrupt.kg")
    with open(corrupt, "wb") as f:
        f.write(b"not a graph file at all")
    for args, why in [([os.path.join(work, "missing.kg"), "--format", "dot"], "missing graph"),
                      ([corrupt, "--format", "graphml"], "corrupt graph"),
                      ([graph, "--format", "csv"], "csv without -o")]:
        target = os.path.join(work, "err.out")
        r = run([kg, "export"] + args + (["-o", target] if why != "csv without -o" else []))
        if r.returncode == 0 or len(r.stderr.strip().splitlines()) != 1:
            fail(f"{why}: exit {r.returncode}, stderr {r.stderr!r}")
        elif os.path.exists(target):
            fail(f"{why}: left {target}")
        else:
            print(f"OK: {why}: {r.stderr.strip()}")
    leftovers = [f for f in os.listdir(work) if ".tmp" in f]
    if leftovers:
        fail(f"temporary files left: {leftovers}")

    print("FAILED" if FAILURES else "PASSED")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ""))
