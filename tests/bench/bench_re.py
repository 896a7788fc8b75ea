#!/usr/bin/env python3
"""Python `re` doing kg's relation matching: the same patterns on the same text.

Reads the expanded relation patterns and the mention views that kg_bench_views
wrote, and searches every pattern in every view from every match start + 1,
as extract/matcher.cc does with RE2 (both engines are leftmost-first, so a
search from the same position finds the same match). Python has no RE2::Set,
so every pattern runs on every view; that is the natural way to write it.
Prints the same JSON fields as kg_bench_views; equal `matches` and `checksum`
show the two did the same work.

  bench_re.py --views V.txt --patterns P.jsonl [--repeat 3]
"""

import argparse
import json
import re
import statistics
import sys
import time


def to_python(pattern):
    # RE2 spells end-of-text \\z; Python spells it \\Z. Named groups (?P<x>) agree.
    return pattern.replace(r"\z", r"\Z")


def match_all(compiled, views):
    matches = 0
    checksum = 0
    for view in views:
        n = len(view)
        for p, rx in enumerate(compiled):
            pos = 0
            while pos < n:
                m = rx.search(view, pos)
                if m is None:
                    break
                begin = m.start()
                matches += 1
                checksum = (checksum * 1000003 + p * 65537 + begin * 257 + (m.end() - begin)) \
                    % 1000000007
                pos = begin + 1
    return matches, checksum


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--views", required=True)
    ap.add_argument("--patterns", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with open(args.patterns, encoding="utf-8") as f:
        patterns = [json.loads(line)["re"] for line in f if line.strip()]
    with open(args.views, encoding="utf-8") as f:
        views = [line.rstrip("\n") for line in f]
    # kg compiles its patterns case-insensitively (extract/rule_loader.cc).
    compiled = [re.compile(to_python(p), re.IGNORECASE) for p in patterns]
    times = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        matches, checksum = match_all(compiled, views)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"engine": "Python %d.%d re" % sys.version_info[:2],
                      "patterns": len(patterns), "views": len(views),
                      "view_bytes": sum(len(v.encode("utf-8")) for v in views),
                      "matches": matches, "checksum": checksum,
                      "seconds": statistics.median(times)}))


if __name__ == "__main__":
    main()
