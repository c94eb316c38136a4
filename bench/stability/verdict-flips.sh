#!/usr/bin/env bash
# Runs `hwlab suite` N times in a row and tabulates each claim's outcomes across the runs: a claim
# confirmed in one run and refuted in another is a flip, and the script exits 1 if there is one.
#
#   bench/stability/verdict-flips.sh N OUTDIR [suite options...]
#   bench/stability/verdict-flips.sh 10 /tmp/quick10 --quick
#
# Each run's results stay in OUTDIR/run-K for `hwlab compare`. Needs jq.
set -euo pipefail

if [[ $# -lt 2 || ! "$1" =~ ^[0-9]+$ || "$1" -lt 2 ]]; then
    echo "usage: $0 N OUTDIR [suite options...]  (N: 2 or more runs)" >&2
    exit 2
fi
runs=$1
out=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"

if ! build=$(dotnet build "$root/src/HwLab.Cli" -c Release -v quiet -nologo 2>&1); then
    echo "$build" >&2
    exit 2
fi
for k in $(seq 1 "$runs"); do
    started=$(date +%s)
    dotnet run -c Release --no-build --project "$root/src/HwLab.Cli" -- suite "$@" --out "$out/run-$k" >"$out/run-$k.log" 2>&1
    echo "run $k of $runs: $(( $(date +%s) - started )) s" >&2
done

# One line per verdict with a topic: topic, outcome, run.
for k in $(seq 1 "$runs"); do
    jq -r --arg run "$k" '.experiments[].verdicts[] | select(.topic != null) | [.topic, .outcome, $run] | @tsv' "$out/run-$k/results.json"
done >"$out/outcomes.tsv"

awk -F'\t' '
    { seen[$1] = 1; count[$1 "\t" $2]++ }
    END {
        flips = 0
        printf "%-40s %9s %7s %12s %14s %5s\n", "claim", "confirmed", "refuted", "inconclusive", "not measurable", "info"
        for (t in seen) {
            c = count[t "\tconfirmed"] + 0; r = count[t "\trefuted"] + 0
            printf "%-40s %9d %7d %12d %14d %5d%s\n", t, c, r, count[t "\tinconclusive"] + 0, count[t "\tnot measurable"] + 0, count[t "\tinfo"] + 0, (c > 0 && r > 0 ? "  FLIP" : "")
            if (c > 0 && r > 0) flips++
        }
        printf "\n%d claim(s) confirmed in one run and refuted in another\n", flips
        exit flips > 0 ? 1 : 0
    }' "$out/outcomes.tsv" | tee "$out/summary.txt"
