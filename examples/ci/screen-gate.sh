#!/usr/bin/env bash
# Screen a counterparty file and act on sanctions-screen's exit status.
#
#   examples/ci/screen-gate.sh vendors.csv [REPORT.json]
#
# The settings come from the environment as in CI (SANCTIONS_SCREEN_ALLOWLIST,
# SANCTIONS_SCREEN_FAIL_ON, ...). SCREEN_CMD overrides the command, e.g.
# SCREEN_CMD="python -m sanctions_screen".
set -u

input="${1:?usage: screen-gate.sh FILE [REPORT.json]}"
report="${2:-sanctions-report.json}"
read -r -a screen_cmd <<< "${SCREEN_CMD:-sanctions-screen}"

"${screen_cmd[@]}" screen "$input" --format json --output "$report"
status=$?

case "$status" in
  0)
    echo "PASS: no hit fails the gate ($input)" >&2
    ;;
  1)
    echo "BLOCK: possible sanctioned party in $input." >&2
    echo "Review the open hits: sanctions-screen review $report --allowlist ALLOWLIST.yaml" >&2
    ;;
  2)
    echo "ERROR: bad command line or settings (exit 2): fix the options or SANCTIONS_SCREEN_* variables" >&2
    ;;
  3)
    echo "ERROR: an input, list or allowlist file could not be read (exit 3): nothing was cleared" >&2
    ;;
  4)
    echo "ERROR: the report or audit log could not be written (exit 4)" >&2
    ;;
  *)
    echo "ERROR: sanctions-screen failed (exit $status): nothing was cleared" >&2
    ;;
esac
exit "$status"
