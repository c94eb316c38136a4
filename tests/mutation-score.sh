#!/usr/bin/env bash
# Mutation score of one project (docs/quality.md), run in parts. Stryker's Microsoft Testing
# Platform runner cannot tell which tests cover which mutant, so every mutant runs every test it is
# given; a part mutates one folder and runs only the tests of that folder, and the project's score
# is the sum of its parts. Each part's reports are kept under the output directory.
#
#   tests/mutation-score.sh layout|pagepool|lab [OUTPUT-DIR] [PART...]
#
# Parts: layout locks, probe, kernel; pagepool zones, swap-device, swap-alloc, reserve-model,
# reserve-kernel, reserve-run, reserve-tasks; lab has one.
#
# HWLAB_MUTATION_CONCURRENCY=N runs N test processes at once; unset, the project's
# stryker-config.json decides (1 for Layout and PagePool, 2 for Lab).
#
# The JIT's code for the locks is not checked (JitCodegenTests): Stryker's instrumented assembly
# compiles to other code whatever the mutant, so that test would kill every one. The stress tests
# run at HWLAB_STRESS_SCALE (0.01 unless set): instrumented, the lock loops run about 14 times
# slower, and at full scale every mutant of the locks would end as a timeout, which Stryker counts
# as killed. The kernel part leaves out the tests of Check/, which compile C with the user's
# compiler and reach only the code of Probe/. The reserve parts leave out the scenario tests of
# the threaded mode, which wait on wall-clock bounds of about a second each: the deterministic
# scenarios run the same model code. Needs jq to add up the parts. Runs for a long time: see
# docs/quality.md for how long.
set -euo pipefail

usage() { echo "usage: tests/mutation-score.sh layout|pagepool|lab [OUTPUT-DIR] [PART...]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
project=$1
root=$(cd "$(dirname "$0")/.." && pwd -P)
out=${2:-$root/artifacts/mutation/$project}
shift $(( $# >= 2 ? 2 : 1 ))
command -v jq >/dev/null || { echo "mutation-score: jq is needed to add up the parts (apt-get install jq)" >&2; exit 2; }

# A part: its name, the files it mutates (globs, ';' between them), and the tests it runs.
case $project in
    layout)
        tests=tests/HwLab.Layout.Tests
        parts=(
            "locks|**/Locks/**/*.cs|FullyQualifiedName~HwLab.Layout.Tests.Locks&FullyQualifiedName!~JitCodegenTests"
            "probe|**/Probe/**/*.cs|FullyQualifiedName~HwLab.Layout.Tests.Check|FullyQualifiedName~HwLab.Layout.Tests.Probe"
            "kernel|**/*.cs;!**/Locks/**/*.cs;!**/Probe/**/*.cs|FullyQualifiedName!~JitCodegenTests&FullyQualifiedName!~HwLab.Layout.Tests.Check"
        ) ;;
    pagepool)
        tests=tests/HwLab.PagePool.Tests
        # The swap device's two parts run the same tests, and so do the reserve model's four; they
        # are apart so that each part's report is there when it ends.
        swap_tests='FullyQualifiedName!~HwLab.PagePool.Tests.Reserve'
        reserve_tests='FullyQualifiedName~HwLab.PagePool.Tests.Reserve&FullyQualifiedName!~The_threaded_mode'
        parts=(
            "zones|**/Zones/**/*.cs|FullyQualifiedName~HwLab.PagePool.Tests.Reserve&FullyQualifiedName!~ScenarioTests"
            "swap-device|**/*.cs;!**/Reserve/**/*.cs;!**/Zones/**/*.cs;!**/Swap/SwapDevice.Allocate.cs;!**/Swap/SwapDevice.Batched.cs;!**/Swap/SwapDevice.SlotsCache.cs|$swap_tests"
            "swap-alloc|**/Swap/SwapDevice.Allocate.cs;**/Swap/SwapDevice.Batched.cs;**/Swap/SwapDevice.SlotsCache.cs|$swap_tests"
            "reserve-model|**/Reserve/MemoryModel.cs|$reserve_tests"
            "reserve-kernel|**/Reserve/PageAllocator.cs;**/Reserve/Oom*.cs;**/Reserve/KernelRwSemaphore.cs;**/Reserve/ModelProcess.cs|$reserve_tests"
            "reserve-run|**/Reserve/Reserve*.cs;**/Reserve/FreePagesTimeline.cs;**/Reserve/AllocationStats.cs;**/Reserve/AllocOutcome.cs;**/Reserve/StepResult.cs|$reserve_tests"
            "reserve-tasks|**/Reserve/*.cs;!**/Reserve/MemoryModel.cs;!**/Reserve/PageAllocator.cs;!**/Reserve/Oom*.cs;!**/Reserve/KernelRwSemaphore.cs;!**/Reserve/ModelProcess.cs;!**/Reserve/Reserve*.cs;!**/Reserve/FreePagesTimeline.cs;!**/Reserve/AllocationStats.cs;!**/Reserve/AllocOutcome.cs;!**/Reserve/StepResult.cs|$reserve_tests"
        ) ;;
    lab)
        # One part: the decision code and the filter of tests/HwLab.Lab.Tests/stryker-config.json.
        tests=tests/HwLab.Lab.Tests
        parts=("decisions||") ;;
    *) usage ;;
esac

wanted=("$@")
mkdir -p "$out"
cd "$root"
dotnet tool restore >/dev/null
for part in "${parts[@]}"; do
    # The filter is the rest of the line: it may hold '|' itself.
    IFS='|' read -r name globs _ <<<"$part"
    filter=${part#"$name|$globs|"}
    if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " == *" $name "* ]]; then
        continue
    fi
    args=(--reporter json --reporter html --reporter dots --output "$out/$name")
    # Test processes at once, in place of what the project's stryker-config.json says.
    if [[ -n ${HWLAB_MUTATION_CONCURRENCY:-} ]]; then args+=(--concurrency "$HWLAB_MUTATION_CONCURRENCY"); fi
    if [[ -n $globs ]]; then
        IFS=';' read -r -a patterns <<<"$globs"
        for pattern in "${patterns[@]}"; do args+=(--mutate "$pattern"); done
        args+=(--test-case-filter "$filter")
    fi
    echo "== $project/$name: $(date -u +%H:%M:%S)" >&2
    (cd "$tests" && HWLAB_TEST_PLATFORM=mtp HWLAB_STRESS_SCALE=${HWLAB_STRESS_SCALE:-0.01} dotnet stryker "${args[@]}") >"$out/$name.log" 2>&1 \
        || { echo "mutation-score: part $name failed; its log: $out/$name.log" >&2; exit 1; }
done
# Stryker leaves the test projects built as MTP executables; build them back as CI builds them.
dotnet build "$tests" -c Release >/dev/null

# Killed and timed-out mutants count as detected; survivors and mutants no test reached do not;
# mutants that did not compile or were left out are not counted (as Stryker counts its score).
jq -rs --arg project "$project" '
    def count(s): [.[] | select(.status == s)] | length;
    [.[] | .files[].mutants[]] as $all
    | ($all | count("Killed")) as $killed | ($all | count("Timeout")) as $timeout
    | ($all | count("Survived")) as $survived | ($all | count("NoCoverage")) as $nocov
    | ($killed + $timeout + $survived + $nocov) as $tested
    | "\($project): \($tested) mutants tested, \($killed) killed, \($timeout) timed out, \($survived) survived, \($nocov) not covered: "
      + (if $tested == 0 then "no score" else "\((($killed + $timeout) * 10000 / $tested | round) / 100)%" end)
' "$out"/*/reports/mutation-report.json
