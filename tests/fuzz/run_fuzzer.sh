#!/bin/sh
# Runs one libFuzzer target for a while on a scratch copy of its seed corpus.
#
#   tests/fuzz/run_fuzzer.sh NAME [SECONDS] [BUILD_DIR]
#
# Configures BUILD_DIR (default build-asan) with clang++, KG_SANITIZE and
# KG_FUZZ if it is not configured yet, builds the target, and fuzzes for SECONDS
# (default 600) in fork mode, so that one finding does not end the run. New
# corpus entries and findings (crash-*, timeout-*, oom-*) go to
# $KG_FUZZ_WORK/NAME (default /tmp/kg-fuzz/NAME); copy a finding into
# tests/fuzz/corpus/NAME/ to make it a regression test for the replay run.
set -eu
name=${1:?usage: run_fuzzer.sh NAME [SECONDS] [BUILD_DIR]}
seconds=${2:-600}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${3:-$src/build-asan}
work=${KG_FUZZ_WORK:-/tmp/kg-fuzz}/$name

if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S "$src" -B "$build" -DKG_SANITIZE=ON -DKG_FUZZ=ON
fi
build=$(cd "$build" && pwd)  # the run below changes directory
# KG_FUZZ_BUILD=0 runs the binary as built (e.g. while another make runs there).
if [ "${KG_FUZZ_BUILD:-1}" != 0 ]; then
  nice -n 10 make -C "$build" -j1 "$name" >/dev/null
fi
mkdir -p "$work/corpus" "$work/findings"
cp -n "$src/tests/fuzz/corpus/$name"/* "$work/corpus/" 2>/dev/null || true
cd "$work"
exec nice -n 10 "$build/tests/fuzz/$name" "$work/corpus" \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix="$work/findings/" -print_final_stats=1
