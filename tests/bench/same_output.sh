#!/bin/bash
# Checks that two kg binaries extract the same bytes: run before and after a
# change meant to make extraction faster without changing what it finds.
#
#   tests/bench/same_output.sh OLD_KG NEW_KG [WORKDIR]
#
# Inputs: the shared seed and dev corpora and the TempEval-3 news articles
# (when $KG_SHARED_DIR, default /work/shared, has them; the articles are
# real news, which makes candidates of patterns the generated corpus never
# reaches, and their time expressions are compared too, `--times`),
# docs/examples, and a generated 3 MB corpus
# (CORPUS_MB to change; generated once into WORKDIR and kept, so both binaries
# read the same file even if rules/news.yaml changes in between). Extra flags
# for both binaries (e.g. "--rules my.yaml") go in KG_FLAGS. Both binaries must
# have been built with the same rule pack, or be given one with --rules.
# Exit 0 when every output is identical, 1 otherwise.
set -euo pipefail

old=${1:?usage: same_output.sh OLD_KG NEW_KG [WORKDIR]}
new=${2:?usage: same_output.sh OLD_KG NEW_KG [WORKDIR]}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${3:-${TMPDIR:-/tmp}/kg-same-output}
shared=${KG_SHARED_DIR:-/work/shared}
corpus_mb=${CORPUS_MB:-3}
read -r -a flags <<<"${KG_FLAGS:-}"

mkdir -p "$work"
corpus=$work/corpus-${corpus_mb}mb.jsonl
[ -s "$corpus" ] || python3 "$here/gen_corpus.py" --mb "$corpus_mb" --seed 1 -o "$corpus" 2>/dev/null

inputs=("examples=$root/docs/examples" "generated=$corpus")
for d in seeds dev; do
  [ -d "$shared/corpus/$d" ] && inputs+=("$d=$shared/corpus/$d")
done
news=$work/tempeval3-news.jsonl
if [ -x "$shared/tools/te3-eval" ] && [ -d "$shared/data/tempeval3" ]; then
  if [ ! -s "$news" ]; then
    for d in "$shared"/data/tempeval3/*/; do "$shared/tools/te3-eval" docs "$d"; done >"$news"
  fi
  inputs+=("tempeval3=$news")
fi

status=0
for entry in "${inputs[@]}"; do
  name=${entry%%=*}
  path=${entry#*=}
  "$old" extract --jobs 1 "${flags[@]}" "$path" >"$work/$name.old.jsonl" 2>"$work/$name.old.err"
  "$new" extract --jobs 1 "${flags[@]}" "$path" >"$work/$name.new.jsonl" 2>"$work/$name.new.err"
  lines=$(wc -l <"$work/$name.old.jsonl")
  if cmp -s "$work/$name.old.jsonl" "$work/$name.new.jsonl"; then
    echo "same: $name ($lines facts)"
  else
    echo "DIFFERENT: $name ($lines facts before, $(wc -l <"$work/$name.new.jsonl") after)"
    diff "$work/$name.old.jsonl" "$work/$name.new.jsonl" | head -4 | cut -c1-300
    status=1
  fi
done
if [ -s "$news" ]; then
  "$old" extract --times --jobs 1 "${flags[@]}" "$news" >"$work/times.old.jsonl" 2>"$work/times.old.err"
  "$new" extract --times --jobs 1 "${flags[@]}" "$news" >"$work/times.new.jsonl" 2>"$work/times.new.err"
  if cmp -s "$work/times.old.jsonl" "$work/times.new.jsonl"; then
    echo "same: tempeval3 --times ($(wc -l <"$work/times.old.jsonl") expressions)"
  else
    echo "DIFFERENT: tempeval3 --times"
    diff "$work/times.old.jsonl" "$work/times.new.jsonl" | head -4 | cut -c1-300
    status=1
  fi
fi
exit $status
