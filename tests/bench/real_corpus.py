#!/usr/bin/env python3
"""A corpus of real news for kg's benchmarks: the TempEval-3 articles, repeated.

The generated corpus (gen_corpus.py) is dense in relation statements and
light on everything else; real newswire has longer sentences, more names and
more words that make relation patterns candidates without matching, so kg
reads it at a different speed. This writes the TempEval-3 articles (TimeBank,
AQUAINT and the platinum test set: 276 articles, 0.57 MB of text) as kg JSON
Lines documents, the whole set --repeat times with distinct ids, so that a
run is long enough to time. Repeating is kinder to kg than new articles
would be: RE2 builds most of its DFA states on the first pass and reuses them
after, and every pattern is compiled once either way.

The articles are read from the shared data directory (KG_SHARED_DIR, default
/work/shared) with its te3-eval tool; nothing is copied into the repository.
Exit status 2 when they are not there.

  real_corpus.py --repeat 30 -o real.jsonl
"""

import argparse
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="copies of the article set")
    parser.add_argument("--shared", default=os.environ.get("KG_SHARED_DIR", "/work/shared"))
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    tool = os.path.join(args.shared, "tools", "te3-eval")
    data = os.path.join(args.shared, "data", "tempeval3")
    if not (os.access(tool, os.X_OK) and os.path.isdir(data)):
        print(f"real_corpus.py: no TempEval-3 articles under {args.shared}", file=sys.stderr)
        return 2
    docs = []
    for part in sorted(os.listdir(data)):
        out = subprocess.run([tool, "docs", os.path.join(data, part)], check=True,
                             capture_output=True, text=True).stdout
        docs.extend(json.loads(line) for line in out.splitlines() if line.strip())
    text_bytes = 0
    with open(args.output, "w", encoding="utf-8") as f:
        for copy in range(args.repeat):
            for doc in docs:
                doc = dict(doc, id=f"{doc['id']}#{copy}")
                text_bytes += len(doc["text"].encode("utf-8"))
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"real_corpus: {len(docs)} articles x {args.repeat}, {text_bytes / 1e6:.2f} MB of text",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
