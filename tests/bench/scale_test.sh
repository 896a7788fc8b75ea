#!/bin/sh
# docs/scale.md's recipe as a test: split JSONL documents into shards, run
# `kg extract` on every shard with GNU parallel, and check that the shards'
# facts, concatenated in shard order, are the bytes one process writes, and
# that `kg build` of the shard outputs gives the same graph file as `kg build`
# of the single-process facts.
#
#   scale_test.sh KG PYTHON3 WORKDIR      (exit 77: skipped, parallel missing)
set -eu
kg=$1
python=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v parallel >/dev/null 2>&1; then
  echo "SKIP: GNU parallel is not installed (apt-get install parallel)"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
cd "$work"
"$python" "$here/gen_corpus.py" --docs 200 --seed 11 -o docs.jsonl 2>/dev/null

# One process.
"$kg" extract --jobs 1 docs.jsonl >single.facts.jsonl
"$kg" build single.facts.jsonl -o single.kg

# Four shards of whole lines (documents never straddle shards), in order.
split -n l/4 -d --additional-suffix=.jsonl docs.jsonl shard
ls shard*.jsonl | parallel --halt now,fail=1 -j 4 \
  "'$kg' extract --jobs 1 {} > {.}.facts.jsonl"
cat shard??.facts.jsonl >merged.facts.jsonl
"$kg" build shard??.facts.jsonl -o sharded.kg

facts=$(wc -l <single.facts.jsonl)
if [ "$facts" -lt 50 ]; then
  echo "FAIL: only $facts facts from the generated corpus; the test would prove nothing"
  exit 1
fi
if ! cmp -s single.facts.jsonl merged.facts.jsonl; then
  echo "FAIL: sharded facts differ from single-process facts"
  diff single.facts.jsonl merged.facts.jsonl | head -5
  exit 1
fi
if ! cmp -s single.kg sharded.kg; then
  echo "FAIL: the graph built from the shards differs from the single-process graph"
  exit 1
fi
echo "ok: $facts facts, 4 shards, identical facts and graph file"
