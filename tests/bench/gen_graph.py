#!/usr/bin/env python3
"""Deterministic synthetic temporal graph with power-law degrees.

Chung-Lu style: vertex i gets weight (i+1)^(-1/(gamma-1)) and each edge picks
both ends with probability proportional to weight, so expected degrees follow a
power law with exponent gamma (2.3 by default, close to the entity graphs news
produces: a few hubs, a long tail). Vertex ids are shuffled so id order says
nothing about degree. Self-loops are redrawn; parallel edges stay (kg's graph is
a multigraph, and so is what news yields).

Two outputs describe the same edges in the same order:
  --facts F   kg fact JSON Lines (`kg build F -o g.kg` loads it); entity "n<id>"
  --edges F   a TSV edge list for the peers: src, dst, relation, start, end
              (ISO dates, inclusive), vertex ids as integers

  gen_graph.py --edges 1000000 --seed 1 --facts g.jsonl --edgelist g.tsv
"""

import argparse
import datetime
import random
import sys

RELATIONS = ["met", "acquired", "invested_in", "criticized", "sued", "partnered_with",
             "endorsed", "visited"]
TYPES = ["person", "organization", "platform", "agency"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edges", type=int, default=1000000)
    ap.add_argument("--vertices", type=int, help="default: edges / 5 (mean degree 10)")
    ap.add_argument("--gamma", type=float, default=2.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--facts", help="kg facts JSONL output")
    ap.add_argument("--edgelist", help="TSV edge list output")
    args = ap.parse_args()
    n = args.vertices or max(2, args.edges // 5)
    rng = random.Random(args.seed)

    exponent = -1.0 / (args.gamma - 1.0)
    cumulative = []
    total = 0.0
    for i in range(n):
        total += (i + 1) ** exponent
        cumulative.append(total)
    ids = list(range(n))
    rng.shuffle(ids)

    ends = rng.choices(range(n), cum_weights=cumulative, k=2 * args.edges)
    epoch = datetime.date(2000, 1, 1).toordinal()
    facts = open(args.facts, "w", encoding="utf-8") if args.facts else None
    edges = open(args.edgelist, "w", encoding="utf-8") if args.edgelist else None
    for e in range(args.edges):
        a, b = ends[2 * e], ends[2 * e + 1]
        while a == b:
            b = rng.choices(range(n), cum_weights=cumulative)[0]
        src, dst = ids[a], ids[b]
        relation = RELATIONS[rng.randrange(len(RELATIONS))]
        start = datetime.date.fromordinal(epoch + rng.randrange(9000))
        end = datetime.date.fromordinal(start.toordinal() + rng.randrange(365))
        s, t = start.isoformat(), end.isoformat()
        if facts:
            facts.write(
                '{"id":"e%d","doc":"synthetic","subject":"n%d","subject_type":"%s",'
                '"relation":"%s","object":"n%d","object_type":"%s","time":{"start":"%s",'
                '"end":"%s","value":"%s","text":"","source":"explicit"},"negated":false,'
                '"hedged":false,"rule":"synthetic"}\n'
                % (e, src, TYPES[src % 4], relation, dst, TYPES[dst % 4], s, t, s))
        if edges:
            edges.write("%d\t%d\t%s\t%s\t%s\n" % (src, dst, relation, s, t))
    for f in (facts, edges):
        if f:
            f.close()
    print("gen_graph: %d vertices drawn from, %d edges" % (n, args.edges), file=sys.stderr)


if __name__ == "__main__":
    main()
