#!/bin/bash
# kg against its peers, whole programs, in one run (docs/performance.md).
#
#   tests/bench/compare.sh                      # 10 MB corpus, 1M-edge graph
#   CORPUS_MB=2 EDGES=100000 RUNS=3 tests/bench/compare.sh   # a quick look
#
# Text: `kg extract` (--jobs 1 and all cores) against ripgrep reading the
# same file (the "just reading" bound), and kg's relation-matching stage (RE2,
# kg_bench_views) against Python's `re` running the same expanded patterns on
# the same mention views, with match counts and checksums compared.
# Graph: `kg build` and graph-file load, then 2-hop neighborhoods and shortest
# paths answered by kg, igraph, NetworkX and Kuzu on the same edges, with
# answer checksums compared (graph_peers.py). Times are medians of RUNS runs
# (hyperfine when installed). Needs the build of
#   cmake -B build-bench -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_BENCHMARKS=ON
#   make -C build-bench kg kg_bench_views
# Environment: BUILD (default build-bench), WORK (default $BUILD/compare),
# CORPUS_MB, STAGE_MB (the pattern-stage corpus, default 1), EDGES, RUNS, JOBS (default: all cores), PEER_PYTHON (a python3
# with igraph and networkx, default /usr/bin/python3), KUZU_DIR (where
# node_modules/kuzu is, or gets installed; default /tmp/kg-bench-kuzu),
# KG_SHARED_DIR (default /work/shared: the TempEval-3 articles for the
# real-news rows, skipped with a message when absent), REAL_REPEAT (copies of
# those articles, default 30: 17 MB of text).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-bench}
work=${WORK:-$build/compare}
corpus_mb=${CORPUS_MB:-10}
stage_mb=${STAGE_MB:-1}
edges=${EDGES:-1000000}
runs=${RUNS:-5}
jobs=${JOBS:-$(nproc)}
peer_python=${PEER_PYTHON:-/usr/bin/python3}
kuzu_dir=${KUZU_DIR:-/tmp/kg-bench-kuzu}
real_repeat=${REAL_REPEAT:-30}
kg=$build/kg
views_tool=$build/tests/bench/kg_bench_views

for tool in "$kg" "$views_tool"; do
  [ -x "$tool" ] || { echo "compare.sh: $tool not built (see the top of this script)" >&2; exit 2; }
done
mkdir -p "$work"

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# time_cmd NAME RUNS COMMAND: prints the median wall seconds of COMMAND.
time_cmd() {
  local name=$1 n=$2 cmd=$3
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style none --runs "$n" --warmup 1 --ignore-failure \
      --export-json "$work/time_$name.json" "$cmd" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' \
      "$work/time_$name.json"
    # CPU seconds (hyperfine: mean user + system): on a shared machine, the per-core rate.
    python3 -c 'import json,statistics as st,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(st.median(u + s for u, s in zip(r["user"], r["system"])) if "user" in r and isinstance(r["user"], list) else r["user"] + r["system"])' \
      "$work/time_$name.json" >"$work/cpu_$name"
  else
    local times=() i t0 t1
    for ((i = 0; i < n; i++)); do
      t0=$(date +%s.%N)
      bash -c "$cmd" >/dev/null 2>&1 || true
      t1=$(date +%s.%N)
      times+=("$(python3 -c "print($t1 - $t0)")")
    done
    median "${times[@]}"
    echo nan >"$work/cpu_$name"
  fi
}

mbps() { python3 -c "print('%.3g' % ($1 / 1e6 / $2))"; }
cpu() { cat "$work/cpu_$1"; }

echo "== kg compare: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average$(uptime | sed 's/.*load average://')"
echo "   kg $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), runs=$runs, hyperfine: $(command -v hyperfine >/dev/null && hyperfine --version | cut -d' ' -f2 || echo no)"

# ---------------------------------------------------------------- inputs
corpus=$work/corpus-${corpus_mb}mb.jsonl
[ -s "$corpus" ] || python3 "$here/gen_corpus.py" --mb "$corpus_mb" --seed 1 -o "$corpus"
facts=$work/graph-$edges.jsonl
edgelist=$work/graph-$edges.tsv
[ -s "$facts" ] && [ -s "$edgelist" ] ||
  python3 "$here/gen_graph.py" --edges "$edges" --seed 1 --facts "$facts" --edgelist "$edgelist"

# ---------------------------------------------------------------- text
# The pattern-stage comparison runs on a smaller corpus of the same generator:
# Python needs seconds per 100 kB there.
stage_corpus=$work/corpus-${stage_mb}mb.jsonl
[ -s "$stage_corpus" ] || python3 "$here/gen_corpus.py" --mb "$stage_mb" --seed 1 -o "$stage_corpus"
stage=$("$views_tool" "$stage_corpus" --views "$work/views.txt" --patterns "$work/patterns.jsonl" --repeat "$runs")
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
stage_bytes=$(field "$stage" doc_bytes)
doc_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$corpus")
view_bytes=$(field "$stage" view_bytes)
file_bytes=$(stat -c %s "$corpus")
py_stage=$(python3 "$here/bench_re.py" --views "$work/views.txt" --patterns "$work/patterns.jsonl" --repeat 1)

"$kg" extract --jobs 1 "$corpus" >"$work/facts-j1.jsonl"
"$kg" extract --jobs "$jobs" "$corpus" >"$work/facts-jN.jsonl"
nfacts=$(wc -l <"$work/facts-j1.jsonl")
same_jobs=$(cmp -s "$work/facts-j1.jsonl" "$work/facts-jN.jsonl" && echo "same bytes as --jobs 1" || echo "DIFFERENT from --jobs 1")

# The "just reading" bound: one ripgrep thread scanning for thirty relation trigger words. With -c
# it counts matching lines and may stop at a line's first match; with -o it finds and prints every
# occurrence, which is closer to what extraction must do (every trigger, every sentence).
triggers="acquired|bought|purchased|sued|fined|fired|ousted|banned|suspended|endorsed|backed|visited|met|founded|invested|appointed|named|hired|resigned|criticized|praised|sanctioned|charged|arrested|elected|nominated|merged|sold|owns|launched"
t_rg=$(time_cmd rg "$runs" "rg -j1 -c -w '$triggers' '$corpus'")
t_rg_all=$(time_cmd rg_all "$runs" "rg -j1 -o -w '$triggers' '$corpus' >/dev/null")
t_j1=$(time_cmd extract_j1 "$runs" "'$kg' extract --jobs 1 '$corpus' >/dev/null")
t_jn=$(time_cmd extract_jN "$runs" "'$kg' extract --jobs $jobs '$corpus' >/dev/null")
# Real news reads differently from the generated text (longer sentences, more
# names, more candidate patterns that do not match): the same measurements on
# the TempEval-3 articles, when the shared data is there.
real=$work/real-news-x$real_repeat.jsonl
[ -s "$real" ] || python3 "$here/real_corpus.py" --repeat "$real_repeat" -o "$real" || rm -f "$real"
if [ -s "$real" ]; then
  real_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$real")
  real_file_bytes=$(stat -c %s "$real")
  real_facts=$("$kg" extract --jobs 1 "$real" | wc -l)
  t_real_rg_all=$(time_cmd real_rg_all "$runs" "rg -j1 -o -w '$triggers' '$real' >/dev/null")
  t_real_j1=$(time_cmd real_j1 "$runs" "'$kg' extract --jobs 1 '$real' >/dev/null")
fi
t_re2=$(field "$stage" seconds)
t_py=$(field "$py_stage" seconds)
t_re2_all=$(field "$stage" seconds_no_set)
m_re2="$(field "$stage" matches) matches, checksum $(field "$stage" checksum)"
m_py="$(field "$py_stage" matches) matches, checksum $(field "$py_stage" checksum)"
[ "$m_re2" = "$m_py" ] && agree="same as RE2" || agree="DIFFERENT from RE2"

echo
echo "-- text: $corpus_mb MB of document text ($(python3 -c "print('%.1f' % ($file_bytes / 1e6))") MB of JSONL)"
printf "%-40s %8s %9s %8s %9s  %s\n" "what" "wall s" "MB/s" "CPU s" "MB/CPU-s" "check"
row() { printf "%-40s %8.3f %9s %8.3f %9s  %s\n" "$1" "$2" "$(mbps "$3" "$2")" "$4" "$(mbps "$3" "$4")" "$5"; }
row "ripgrep -j1 -c, 30 trigger words" "$t_rg" "$file_bytes" "$(cpu rg)" "lines with one"
row "ripgrep -j1 -o, 30 trigger words" "$t_rg_all" "$file_bytes" "$(cpu rg_all)" "every occurrence"
row "kg extract --jobs 1" "$t_j1" "$doc_bytes" "$(cpu extract_j1)" "$nfacts facts"
row "kg extract --jobs $jobs" "$t_jn" "$doc_bytes" "$(cpu extract_jN)" "$same_jobs"
if [ -s "$real" ]; then
  echo "-- real news: the TempEval-3 articles x$real_repeat, $(python3 -c "print('%.1f' % ($real_bytes / 1e6))") MB of document text"
  row "ripgrep -j1 -o, 30 trigger words" "$t_real_rg_all" "$real_file_bytes" "$(cpu real_rg_all)" "every occurrence"
  row "kg extract --jobs 1" "$t_real_j1" "$real_bytes" "$(cpu real_j1)" "$real_facts facts"
else
  echo "-- real news: skipped (no TempEval-3 articles under ${KG_SHARED_DIR:-/work/shared})"
fi
echo
echo "-- relation patterns alone: $stage_mb MB of text, $(field "$stage" patterns) patterns, $(field "$stage" views) mention views ($(( view_bytes / 1000 )) kB)"
printf "%-44s %9s %12s  %s\n" "what" "median s" "MB/s (text)" "check"
printf "%-44s %9.3f %12s  %s\n" "RE2 as kg runs them (prefilter, then Match)" "$t_re2" "$(mbps "$stage_bytes" "$t_re2")" "$m_re2"
printf "%-44s %9.3f %12s  %s\n" "RE2, every pattern on every view" "$t_re2_all" "$(mbps "$stage_bytes" "$t_re2_all")" "same matches (checked)"
printf "%-44s %9.3f %12s  %s\n" "$(field "$py_stage" engine), every pattern, every view" "$t_py" "$(mbps "$stage_bytes" "$t_py")" "$m_py, $agree"

# ---------------------------------------------------------------- graph
graph=$work/graph-$edges.kg
"$kg" build "$facts" -o "$graph" >/dev/null 2>&1
t_build=$(time_cmd build "$(( runs < 3 ? runs : 3 ))" "'$kg' build '$facts' -o '$work/rebuild.kg'")
loads=()
for ((i = 0; i < runs; i++)); do
  loads+=("$("$kg" query "$graph" -e stats --timing 2>&1 >/dev/null | sed -n 's/^Load: \([0-9.]*\) ms.*/\1/p')")
done
t_load_ms=$(median "${loads[@]}")
t_query_stats=$(time_cmd query_stats "$runs" "'$kg' query '$graph' -e stats >/dev/null")

echo
echo "-- graph: $edges edges (power law), graph file $(( $(stat -c %s "$graph") / 1000000 )) MB"
printf "%-44s %9.3f  (CPU %.3f s)\n" "kg build facts.jsonl -o g.kg (s)" "$t_build" "$(cpu build)"
printf "%-44s %9.3f\n" "kg query load + index, --timing (s)" "$(python3 -c "print($t_load_ms / 1e3)")"
printf "%-44s %9.3f  (CPU %.3f s)\n" "kg query g.kg -e stats, whole program (s)" "$t_query_stats" "$(cpu query_stats)"

echo
echo "-- 2-hop neighborhood (plain and time-windowed) and shortest path, undirected (graph_peers.py)"
results=("$work/peer_kg.json")
python3 "$here/graph_peers.py" run --system kg --kg "$kg" --graph "$graph" --edgelist "$edgelist" --out "$work/peer_kg.json"
for system in igraph networkx; do
  if "$peer_python" -c "import $system" 2>/dev/null; then
    "$peer_python" "$here/graph_peers.py" run --system "$system" --edgelist "$edgelist" --out "$work/peer_$system.json"
    results+=("$work/peer_$system.json")
  else
    echo "skipped $system: not importable by $peer_python (apt-get install python3-$system)"
  fi
done
# SQLite (Python's sqlite3 module) answers the two neighborhood kinds, from indexed tables.
"$peer_python" "$here/graph_peers.py" run --system sqlite --edgelist "$edgelist" --out "$work/peer_sqlite.json"
results+=("$work/peer_sqlite.json")
if [ ! -d "$kuzu_dir/node_modules/kuzu" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p "$kuzu_dir" && (cd "$kuzu_dir" && npm install --silent kuzu >/dev/null 2>&1) || true
fi
if command -v node >/dev/null 2>&1 && [ -d "$kuzu_dir/node_modules/kuzu" ]; then
  if python3 "$here/graph_peers.py" run --system kuzu --kuzu "$kuzu_dir" --work "$work" --edgelist "$edgelist" --out "$work/peer_kuzu.json"; then
    results+=("$work/peer_kuzu.json")
  else
    echo "skipped kuzu: it failed (see above)"
  fi
else
  echo "skipped kuzu: node or the npm package kuzu unavailable (npm install --prefix $kuzu_dir kuzu)"
fi
python3 "$here/graph_peers.py" table "${results[@]}"
echo "== done; load average$(uptime | sed 's/.*load average://')"
