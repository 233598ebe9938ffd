#!/usr/bin/env bash
# Measures what build-time generation costs: a no-op build of the library with and without the
# NSwag step, and a rebuild after touching the spec. Checks that a no-op build does not run NSwag.
# Usage: bash tests/IxBrowser.LocalApi.Benchmarks/measure-build.sh [runs]   (default 5 runs each)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy without bin/obj, so the first build is a clean one and the repository is left alone.
tar -C "$root" --exclude=bin --exclude=obj --exclude=node_modules --exclude=.git --exclude=BenchmarkDotNet.Artifacts -cf - \
  spec src/IxBrowser.LocalApi nswag.json Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -C "$work" -xf -
project="$work/src/IxBrowser.LocalApi/IxBrowser.LocalApi.csproj"
build() { dotnet build "$project" -nodeReuse:false "$@"; }

echo "first build (restore + generate + compile, both target frameworks)..."
build >/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

noop_with=(); noop_without=(); touched=()
for _ in $(seq "$runs"); do
  noop_with+=("$(seconds build --no-restore)")
  noop_without+=("$(seconds build --no-restore -p:IxSkipClientGeneration=true)")
  touch "$work/spec/ixbrowser-local-api.yaml"
  touched+=("$(seconds build --no-restore)")
done

# The no-op build must skip NSwag: MSBuild says so at detailed verbosity.
log=$(build --no-restore -v:d)
if grep -q 'Building target "IxRunNSwag" completely' <<<"$log"; then
  echo "FAIL: a no-op build ran NSwag" >&2
  exit 1
fi
skips=$(grep -c 'Skipping target "IxRunNSwag" because all output files are up-to-date' <<<"$log" || true)

printf '\n| Build of src/IxBrowser.LocalApi (%s runs, median) | seconds |\n| --- | ---: |\n' "$runs"
printf '| no-op, with the generation step (NSwag skipped: up to date) | %s |\n' "$(printf '%s\n' "${noop_with[@]}" | median)"
printf '| no-op, generation step switched off (IxSkipClientGeneration=true) | %s |\n' "$(printf '%s\n' "${noop_without[@]}" | median)"
printf '| after touching the spec (NSwag runs for both target frameworks) | %s |\n' "$(printf '%s\n' "${touched[@]}" | median)"
printf '\nNo-op build: NSwag skipped in %s of 2 target frameworks.\n' "$skips"
