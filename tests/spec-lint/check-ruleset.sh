#!/usr/bin/env bash
# Proves .spectral.yaml catches what it claims to: lints a fixture that breaks every project rule
# and fails unless Spectral fails AND reports each rule. Needs `npm ci` first.
set -uo pipefail
cd "$(dirname "$0")/../.."

output=$(npx --no-install spectral lint tests/spec-lint/violations.yaml --ruleset .spectral.yaml --fail-severity=warn 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "ruleset self-test FAILED: Spectral accepted a spec that breaks every project rule" >&2
  printf '%s\n' "$output" >&2
  exit 1
fi

missing=0
for rule in $(grep -oE '^  ixb-[a-z0-9-]+' .spectral.yaml | tr -d ' '); do
  if printf '%s\n' "$output" | grep -q -- "$rule"; then
    echo "caught: $rule"
  else
    echo "NOT caught: $rule" >&2
    missing=$((missing + 1))
  fi
done

if [ "$missing" -ne 0 ]; then
  printf '%s\n' "$output" >&2
  exit 1
fi
echo "ruleset self-test passed: every project rule reports the fixture's violation"
