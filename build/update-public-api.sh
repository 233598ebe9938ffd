#!/usr/bin/env bash
# Brings a project's PublicAPI.Unshipped.txt in step with its code: adds what the analyzer reports as
# new public API (RS0016) and removes what it reports as gone (RS0017), then sorts the file under its
# "#nullable enable" header. Review the diff: it is the change to the public contract.
# Usage: bash build/update-public-api.sh [project-dir ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  mapfile -t projects < <(find src -name PublicAPI.Unshipped.txt -printf '%h\n' | sort)
fi
for project in "${projects[@]}"; do
  file="$project/PublicAPI.Unshipped.txt"
  log=$(dotnet build "$project" --no-incremental 2>&1 || true)
  added=$(sed -n "s/.*error RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" <<<"$log" | sort -u)
  removed=$(sed -n "s/.*error RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" <<<"$log" | sort -u)
  body=$(grep -v '^#nullable enable$' "$file" || true)
  if [ -n "$removed" ]; then
    body=$(grep -vxF -f <(printf '%s\n' "$removed") <<<"$body" || true)
  fi
  { echo '#nullable enable'; printf '%s\n%s\n' "$body" "$added" | sed '/^$/d' | LC_ALL=C sort -u; } > "$file"
  echo "$file: $(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed"
done
