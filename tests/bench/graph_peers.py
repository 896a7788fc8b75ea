#!/usr/bin/python3
"""2-hop neighborhoods and shortest paths on one graph, by kg and its peers.

Every system answers the same questions on the same edge list (gen_graph.py's
TSV; kg reads the same edges as facts) and reports its load time, its time per
query and a checksum of its answers, so the table can show that the systems
agree before it compares their speed. Edge direction is ignored, as kg's
`neighbors` and `path` do by default; parallel edges are kept.

  graph_peers.py run --system igraph --edgelist g.tsv --out igraph.json
  graph_peers.py run --system kg --kg build/kg --graph g.kg --edgelist g.tsv --out kg.json
  graph_peers.py run --system sqlite --edgelist g.tsv --out sqlite.json
  graph_peers.py table kg.json igraph.json networkx.json sqlite.json kuzu.json

Questions: QUERIES vertices drawn with a fixed seed from the vertices that have
an edge; `neighbors v depth 2` for each, the same within WINDOW (only edges
whose [start, end] overlaps it, ends included: kg's `from A to B`), and
`path v w` for consecutive pairs. SQLite answers the two neighborhood kinds
only (a shortest path is not a query one writes in SQL).
Checksums: SHA-1 over each query's sorted 2-hop vertex set (the source left
out) and over the list of path lengths (-1: no path). Times: each query runs
REPEAT times; a query's time is its median, the table shows the median and the
mean over queries (the mean is what hubs make expensive). Run with
/usr/bin/python3: Debian's python3-igraph and python3-networkx live there.
"""

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

QUERIES = 20
REPEAT = 3
WINDOW = ("2015-01-01", "2016-12-31")


def in_window(start, end):
    # ISO dates compare as strings.
    return start <= WINDOW[1] and end >= WINDOW[0]


def read_edges(path):
    src, dst, rel, start, end = [], [], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a, b, r, s, e = line.rstrip("\n").split("\t")
            src.append(int(a))
            dst.append(int(b))
            rel.append(r)
            start.append(s)
            end.append(e)
    return src, dst, rel, start, end


def questions(edgelist, count=QUERIES):
    vertices = set()
    with open(edgelist, encoding="utf-8") as f:
        for line in f:
            a, b, _ = line.split("\t", 2)
            vertices.add(int(a))
            vertices.add(int(b))
    seeds = random.Random(7).sample(sorted(vertices), count)
    pairs = [(seeds[i], seeds[(i + 1) % count]) for i in range(count)]
    return seeds, pairs


def checksum_sets(sets):
    h = hashlib.sha1()
    for s in sets:
        h.update((",".join(map(str, sorted(s))) + ";").encode())
    return h.hexdigest()[:12]


def checksum_lengths(lengths):
    return hashlib.sha1(",".join(map(str, lengths)).encode()).hexdigest()[:12]


def timed(fn, *args):
    times, result = [], None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run_python_peer(system, edgelist, seeds, pairs):
    # Imports stay out of the load time: they are paid once per program, not per graph.
    if system == "networkx":
        import networkx as nx
    else:
        import igraph as ig
    t0 = time.perf_counter()
    src, dst, rel, start, end = read_edges(edgelist)
    if system == "networkx":
        g = nx.MultiGraph()
        g.add_edges_from((a, b, {"relation": r, "start": s, "end": e})
                         for a, b, r, s, e in zip(src, dst, rel, start, end))

        def hood(v):
            return set(nx.single_source_shortest_path_length(g, v, cutoff=2)) - {v}

        def window_neighbors(v):
            return {w for w, edges in g.adj[v].items()
                    if any(in_window(d["start"], d["end"]) for d in edges.values())}

        def path(a, b):
            try:
                return nx.shortest_path_length(g, a, b)
            except nx.NetworkXNoPath:
                return -1
    else:
        g = ig.Graph(n=max(max(src), max(dst)) + 1, edges=list(zip(src, dst)), directed=False,
                     edge_attrs={"relation": rel, "start": start, "end": end})

        def hood(v):
            return set(g.neighborhood(v, order=2, mindist=1))

        # igraph has no edge predicate in its traversals: walk the incidence
        # lists, testing each edge's span (attribute lists fetched once).
        starts, ends, pairs_of = g.es["start"], g.es["end"], g.get_edgelist()

        def window_neighbors(v):
            return {pairs_of[e][pairs_of[e][0] == v] for e in g.incident(v)
                    if in_window(starts[e], ends[e])}

        def path(a, b):
            d = g.distances(a, b)[0][0]
            return -1 if d == float("inf") else int(d)
    load = time.perf_counter() - t0
    del src, dst, rel, start, end

    def window_hood(v):
        first = window_neighbors(v)
        reached = set(first)
        for w in first:
            reached |= window_neighbors(w)
        return reached - {v}

    return {"load_s": load, "hood": timed_all(hood, seeds), "window": timed_all(window_hood, seeds),
            "path": timed_all(path, pairs)}


def timed_all(fn, questions):
    """(per-question median times, answers) for fn over questions (vertices or pairs)."""
    times, answers = [], []
    for q in questions:
        t, a = timed(fn, *(q if isinstance(q, tuple) else (q,)))
        times.append(t)
        answers.append(a)
    return times, answers


def run_sqlite(edgelist, seeds):
    import sqlite3
    t0 = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE e(src INTEGER, dst INTEGER, relation TEXT, start TEXT, finish TEXT)")
    with open(edgelist, encoding="utf-8") as f:
        db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?)",
                       (line.rstrip("\n").split("\t") for line in f))
    # Covering indexes: a hop reads the index alone, window test included.
    db.execute("CREATE INDEX e_src ON e(src, start, finish, dst)")
    db.execute("CREATE INDEX e_dst ON e(dst, start, finish, src)")
    db.commit()
    load = time.perf_counter() - t0
    hop = ("SELECT dst FROM e WHERE src = {v} {w} UNION SELECT src FROM e WHERE dst = {v} {w}")
    window = "AND start <= :to AND finish >= :from"

    plain = "WITH h(x) AS ({a}) SELECT x FROM h UNION {b}"
    statements = {}
    for name, w in (("hood", ""), ("window", window)):
        statements[name] = plain.format(
            a=hop.format(v=":v", w=w),
            b="SELECT e.dst FROM h JOIN e ON e.src = h.x WHERE 1 {w} "
              "UNION SELECT e.src FROM h JOIN e ON e.dst = h.x WHERE 1 {w}".format(w=w))

    def query(name, v):
        params = {"v": v, "from": WINDOW[0], "to": WINDOW[1]}
        return {r[0] for r in db.execute(statements[name], params)} - {v}

    return {"load_s": load, "hood": timed_all(lambda v: query("hood", v), seeds),
            "window": timed_all(lambda v: query("window", v), seeds)}


def run_kg(kg, graph, seeds, pairs):
    window = " from %s to %s" % WINDOW
    kinds = [("hood", ['neighbors "n%d" depth 2' % v for v in seeds]),
             ("window", ['neighbors "n%d" depth 2%s' % (v, window) for v in seeds]),
             ("path", ['path "n%d" "n%d"' % pair for pair in pairs])]
    queries = [q for _, qs in kinds for q in qs for _ in range(REPEAT)]
    args = [kg, "query", graph, "--format", "json", "--timing"]
    for q in queries:
        args += ["-e", q]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("kg query failed: " + proc.stderr[-2000:])
    load = float(re.search(r"Load: ([0-9.]+) ms", proc.stderr).group(1)) / 1e3
    times = [float(t) / 1e3 for t in re.findall(r"Time: ([0-9.]+) ms", proc.stderr)]
    answers = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(answers) != len(queries) or len(times) != len(queries):
        sys.exit("kg query: %d answers, %d times for %d queries" %
                 (len(answers), len(times), len(queries)))

    def answer(kind, i, a):
        if kind == "path":
            return -1 if a["title"].startswith("no path") else a["count"]
        return {int(n[1:]) for n in a["entities"]} - {seeds[i]}

    result, at = {"load_s": load}, 0
    for kind, qs in kinds:
        ts, values = [], []
        for i in range(len(qs)):
            ts.append(statistics.median(times[at:at + REPEAT]))
            values.append(answer(kind, i, answers[at]))
            at += REPEAT
        result[kind] = (ts, values)
    return result


def run_kuzu(node_dir, edgelist, seeds, pairs, work):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kuzu_peer.js")
    spec = os.path.join(work, "kuzu_questions.json")
    with open(spec, "w") as f:
        json.dump({"seeds": seeds, "pairs": pairs, "repeat": REPEAT, "window": WINDOW}, f)
    env = dict(os.environ, NODE_PATH=os.path.join(node_dir, "node_modules"))
    proc = subprocess.run(["node", script, edgelist, spec, os.path.join(work, "kuzu_db")],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit("kuzu failed: " + proc.stderr[-2000:])
    r = json.loads(proc.stdout)
    return {"load_s": r["load"], "build_s": r["build"],
            "hood": (r["hood_times"], [set(s) for s in r["sets"]]),
            "window": (r["window_times"], [set(s) for s in r["window_sets"]]),
            "path": (r["path_times"], r["lengths"])}


def command_run(args):
    seeds, pairs = questions(args.edgelist, args.queries)
    if args.system in ("networkx", "igraph"):
        r = run_python_peer(args.system, args.edgelist, seeds, pairs)
    elif args.system == "sqlite":
        r = run_sqlite(args.edgelist, seeds)
    elif args.system == "kg":
        r = run_kg(args.kg, args.graph, seeds, pairs)
    else:
        r = run_kuzu(args.kuzu, args.edgelist, seeds, pairs, args.work)
    result = {"system": args.system, "load_s": r["load_s"], "build_s": r.get("build_s")}
    for kind in KINDS:
        if kind not in r:
            continue
        times, answers = r[kind]
        result[kind] = {"median_us": statistics.median(times) * 1e6,
                        "mean_us": statistics.mean(times) * 1e6}
        if kind == "path":
            result[kind].update(checksum=checksum_lengths(answers), lengths=answers)
        else:
            result[kind].update(checksum=checksum_sets(answers), reached=sum(map(len, answers)))
    with open(args.out, "w") as f:
        json.dump(result, f)


KINDS = ("hood", "window", "path")


def micro(us):
    # Small answers take a few µs: a decimal keeps "2" from hiding a 2× difference.
    return "%.1f" % us if us < 100 else "%.0f" % us


def command_table(args):
    rows = [json.load(open(p)) for p in args.results if os.path.exists(p)]
    if not rows:
        return
    print("%-9s %8s %8s %10s %10s %10s %10s %10s %10s  %s" % (
        "system", "build s", "load s", "2hop med", "2hop mean", "win med", "win mean",
        "path med", "path mean", "answers (checksums: 2-hop/windowed/path)"))
    different = False
    for r in rows:
        cells, sums, verdicts = [], [], []
        for kind in KINDS:
            k = r.get(kind)
            cells += [micro(k["median_us"]), micro(k["mean_us"])] if k else ["-", "-"]
            sums.append(k["checksum"] if k else "-")
            ref = next((x for x in rows if x.get(kind)), None)
            if k and ref is not r and k["checksum"] != ref[kind]["checksum"]:
                verdicts.append("%s DIFFERENT from %s" % (kind, ref["system"]))
        different |= bool(verdicts)
        print("%-9s %8s %8.3f %10s %10s %10s %10s %10s %10s  %s %s" % (
            r["system"], "-" if r.get("build_s") is None else "%.2f" % r["build_s"], r["load_s"],
            *cells, "; ".join(verdicts) or ("reference" if r is rows[0] else "same answers"),
            "/".join(sums)))
    ref = rows[0]
    print("(times in µs, medians and means over the queries; 2-hop: %d vertices reached, "
          "windowed (%s to %s): %d; path lengths %s)" % (
              ref["hood"]["reached"], WINDOW[0], WINDOW[1], ref["window"]["reached"],
              ref["path"]["lengths"]))
    if different:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--system", required=True, choices=["kg", "networkx", "igraph", "sqlite", "kuzu"])
    run.add_argument("--edgelist", required=True)
    run.add_argument("--queries", type=int, default=QUERIES)
    run.add_argument("--kg", help="the kg binary")
    run.add_argument("--graph", help="the kg graph file of the same edges")
    run.add_argument("--kuzu", help="directory whose node_modules holds kuzu")
    run.add_argument("--work", default=".", help="scratch directory (kuzu's database)")
    run.add_argument("--out", required=True)
    table = sub.add_parser("table")
    table.add_argument("results", nargs="+")
    args = ap.parse_args()
    command_run(args) if args.command == "run" else command_table(args)


if __name__ == "__main__":
    main()
