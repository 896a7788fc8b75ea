#!/usr/bin/env bash
# The REPL end to end on a real terminal: kg query runs inside tmux, keys are
# typed with send-keys and the screen is read with capture-pane. Checks entity
# completion, an error caret with did-you-mean, and history recall across
# sessions. Usage: repl_tmux_test.sh KG EXAMPLES_DIR. Exit 77 (skipped) without tmux.
set -euo pipefail
kg=$1
examples=$2
command -v tmux >/dev/null || { echo "SKIPPED: tmux is not installed"; exit 77; }

work=$(mktemp -d)
session="kg_repl_test_$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$kg" build -q "$examples" -o "$work/examples.kg"

start_repl() {
  tmux new-session -d -s "$session" -x 160 -y 50 \
    "env HOME=$work TERM=xterm $kg query $work/examples.kg --no-color"
}
screen() { tmux capture-pane -p -t "$session"; }
# Waits until the screen matches the extended regex $1, or fails saying $2.
wait_for() {
  for _ in $(seq 1 100); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "FAIL: $2 (waited for /$1/); the screen was:"; screen; exit 1
}

start_repl
wait_for 'kg>' "the prompt appears"

# Tab completes a multi-word entity name, quoted.
tmux send-keys -t "$session" 'neighbors Elo' Tab
wait_for 'neighbors "Elon Musk"' "Tab completes 'Elo' to the quoted entity name"
tmux send-keys -t "$session" Enter
wait_for 'Elon Musk: [0-9]+ entit' "the completed query is answered"

# A misspelt entity: the REPL stays up, draws a caret and suggests the name.
tmux send-keys -t "$session" 'neighbors Muskk' Enter
wait_for 'did you mean "Elon Musk"' "an unknown entity gets a did-you-mean"
wait_for '^ *\^~~~~' "a caret marks the offending token"

# Ctrl-D ends the session; history is saved for the next one.
tmux send-keys -t "$session" C-d
for _ in $(seq 1 50); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done
[ -s "$work/.kg_history" ] || { echo "FAIL: no history file written"; exit 1; }

start_repl
wait_for 'kg>' "the prompt appears again"
tmux send-keys -t "$session" Up
wait_for 'kg> neighbors Muskk' "Up recalls the last query of the previous session"
echo "PASS: completion, caret, did-you-mean and history across sessions"
