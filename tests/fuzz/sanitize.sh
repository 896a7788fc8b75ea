#!/bin/sh
# Builds kg and every test with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DKG_SANITIZE=ON) in a build directory of its own and runs CTest there.
#
#   tests/fuzz/sanitize.sh [BUILD_DIR] [extra cmake arguments...]
#
# BUILD_DIR defaults to build-asan. Set CXX to pick the compiler (g++ by
# default; CXX=clang++ with -DKG_FUZZ=ON also builds the libFuzzer targets).
# JOBS (default 2) is passed to make and ctest. Exits non-zero if any test
# fails; a sanitizer report fails the test it happens in (UBSan does not
# recover, ASan aborts).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-asan}
[ $# -gt 0 ] && shift
jobs=${JOBS:-2}

start=$(date +%s)
cmake -S "$src" -B "$build" -DKG_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
nice -n 10 make -C "$build" -j"$jobs"
built=$(date +%s)

# Leaks are errors too; halt_on_error keeps the first report readable.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
(cd "$build" && ctest -j"$jobs" --output-on-failure) || status=$?
done=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((done - built)) s, ctest status $status"
exit $status
