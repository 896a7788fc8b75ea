#!/usr/bin/python3
"""2-hop neighborhoods and shortest paths on one graph, by kg and its peers.

Every system answers the same questions on the same edge list (gen_graph.py's
TSV; kg reads the same edges as facts) and reports its load time, its time per
query and a checksum of its answers, so the table can show that the systems
agree before it compares their speed. Edge direction is ignored, as kg's
`neighbors` and `path` do by default; parallel edges are kept.

  graph_peers.py run --system igraph --edgelist g.tsv --out igraph.json
  graph_peers.py run --system kg --kg build/kg --graph g.kg --edgelist g.tsv --out kg.json
  graph_peers.py table kg.json igraph.json networkx.json kuzu.json

Questions: QUERIES vertices drawn with a fixed seed from the vertices that have
an edge; `neighbors v depth 2` for each, `path v w` for consecutive pairs.
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

        def path(a, b):
            d = g.distances(a, b)[0][0]
            return -1 if d == float("inf") else int(d)
    load = time.perf_counter() - t0
    del src, dst, rel, start, end
    hood_times, sets = zip(*(timed(hood, v) for v in seeds))
    path_times, lengths = zip(*(timed(path, a, b) for a, b in pairs))
    return load, list(hood_times), list(sets), list(path_times), list(lengths)


def run_kg(kg, graph, seeds, pairs):
    queries = []
    for v in seeds:
        queries += ['neighbors "n%d" depth 2' % v] * REPEAT
    for a, b in pairs:
        queries += ['path "n%d" "n%d"' % (a, b)] * REPEAT
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

    def ids(names):
        return {int(n[1:]) for n in names}

    n = len(seeds) * REPEAT
    hood_times = [statistics.median(times[i:i + REPEAT]) for i in range(0, n, REPEAT)]
    sets = [ids(answers[i]["entities"]) - {seeds[i // REPEAT]} for i in range(0, n, REPEAT)]
    path_times = [statistics.median(times[i:i + REPEAT]) for i in range(n, len(queries), REPEAT)]
    lengths = []
    for i in range(n, len(queries), REPEAT):
        a = answers[i]
        lengths.append(-1 if a["title"].startswith("no path") else a["count"])
    return load, hood_times, sets, path_times, lengths


def run_kuzu(node_dir, edgelist, seeds, pairs, work):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kuzu_peer.js")
    spec = os.path.join(work, "kuzu_questions.json")
    with open(spec, "w") as f:
        json.dump({"seeds": seeds, "pairs": pairs, "repeat": REPEAT}, f)
    env = dict(os.environ, NODE_PATH=os.path.join(node_dir, "node_modules"))
    proc = subprocess.run(["node", script, edgelist, spec, os.path.join(work, "kuzu_db")],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit("kuzu failed: " + proc.stderr[-2000:])
    r = json.loads(proc.stdout)
    sets = [set(s) for s in r["sets"]]
    return r["load"], r["hood_times"], sets, r["path_times"], r["lengths"], r["build"]


def command_run(args):
    seeds, pairs = questions(args.edgelist, args.queries)
    build = None
    if args.system in ("networkx", "igraph"):
        load, ht, sets, pt, lengths = run_python_peer(args.system, args.edgelist, seeds, pairs)
    elif args.system == "kg":
        load, ht, sets, pt, lengths = run_kg(args.kg, args.graph, seeds, pairs)
    else:
        load, ht, sets, pt, lengths, build = run_kuzu(args.kuzu, args.edgelist, seeds, pairs,
                                                      args.work)
    result = {"system": args.system, "load_s": load, "build_s": build,
              "hood_median_us": statistics.median(ht) * 1e6, "hood_mean_us": statistics.mean(ht) * 1e6,
              "path_median_us": statistics.median(pt) * 1e6, "path_mean_us": statistics.mean(pt) * 1e6,
              "hood_reached": sum(len(s) for s in sets), "hood_checksum": checksum_sets(sets),
              "path_checksum": checksum_lengths(lengths), "path_lengths": lengths}
    with open(args.out, "w") as f:
        json.dump(result, f)


def command_table(args):
    rows = [json.load(open(p)) for p in args.results if os.path.exists(p)]
    if not rows:
        return
    ref = rows[0]
    print("%-9s %9s %9s %12s %12s %12s %12s  %s" % (
        "system", "build s", "load s", "2hop med us", "2hop mean us", "path med us",
        "path mean us", "answers"))
    for r in rows:
        same = (r["hood_checksum"] == ref["hood_checksum"] and
                r["path_checksum"] == ref["path_checksum"])
        print("%-9s %9s %9.3f %12.0f %12.0f %12.0f %12.0f  %s %s/%s" % (
            r["system"], "-" if r["build_s"] is None else "%.2f" % r["build_s"], r["load_s"],
            r["hood_median_us"], r["hood_mean_us"], r["path_median_us"], r["path_mean_us"],
            "same as %s" % ref["system"] if same else "DIFFERENT from %s" % ref["system"],
            r["hood_checksum"], r["path_checksum"]))
    print("(2-hop: %d vertices reached over %d queries; path lengths %s)" % (
        ref["hood_reached"], len(ref["path_lengths"]), ref["path_lengths"]))
    if any(r["hood_checksum"] != ref["hood_checksum"] or r["path_checksum"] != ref["path_checksum"]
           for r in rows):
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--system", required=True, choices=["kg", "networkx", "igraph", "kuzu"])
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
