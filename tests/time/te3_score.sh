#!/bin/sh
# TempEval-3 (Task A) score of kg's time expressions, failing under thresholds.
#
#   tests/time/te3_score.sh KG SHARED_DIR [SET] [MIN_VALUE_F1] [MIN_RELAXED_F1]
#
# KG is the kg binary (built beforehand; this script builds nothing), SET one
# of test-platinum (default), train-timebank, train-aquaint under
# SHARED_DIR/data/tempeval3. Prints te3-eval's summary line; exits 1 when value
# F1 or relaxed F1 is under its minimum, and prints SKIPPED and exits 0 when the
# shared data or tools are absent.
set -eu
kg=$1
shared=$2
set_name=${3:-test-platinum}
min_value=${4:-0}
min_relaxed=${5:-0}
data=$shared/data/tempeval3/$set_name
eval_tool=$shared/tools/te3-eval
if [ ! -d "$data" ] || [ ! -x "$eval_tool" ]; then
  echo "SKIPPED: no TempEval-3 data at $data or no $eval_tool"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$eval_tool" docs "$data" > "$tmp/docs.jsonl"
"$kg" extract --times "$tmp/docs.jsonl" > "$tmp/raw.jsonl"
# te3-eval takes "doc" as an id or a path and drops its last extension, so
# ids with dots (APW19980807.0261) are passed with the .tml they came from.
python3 -c '
import json, sys
for line in sys.stdin:
    t = json.loads(line)
    t["doc"] = str(t["doc"]) + ".tml"
    print(json.dumps(t))
' < "$tmp/raw.jsonl" > "$tmp/times.jsonl"
"$eval_tool" score --json "$data" "$tmp/times.jsonl" > "$tmp/score.txt"
tail -n 1 "$tmp/score.txt"
head -n 1 "$tmp/score.txt" | python3 -c '
import json, sys
s = json.load(sys.stdin)
min_value, min_relaxed = float(sys.argv[1]), float(sys.argv[2])
value, relaxed = s["value_f1"], s["relaxed_f1"]
ok = value >= min_value and relaxed >= min_relaxed
if not ok:
    print("FAIL: value F1 %.2f (min %.2f), relaxed F1 %.2f (min %.2f)"
          % (value, min_value, relaxed, min_relaxed))
sys.exit(0 if ok else 1)
' "$min_value" "$min_relaxed"
