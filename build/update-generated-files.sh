#!/usr/bin/env bash
# Brings every file that is made from the code and the spec in step with them, after a change to the
# spec or the public API: the projects' PublicAPI.Unshipped.txt (build/update-public-api.sh) and the
# operations table of docs/operations.md (generated from the spec by the tests' OperationsTable).
# Review the diff: it is the change to the public contract and to the docs.
# Usage: bash build/update-generated-files.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash build/update-public-api.sh
IX_UPDATE_DOCS=1 dotnet test tests/IxBrowser.LocalApi.Tests --filter "FullyQualifiedName~ReadmeTests.The_operations_table_is_the_one_generated_from_the_spec" --nologo -v q
echo "docs/operations.md: operations table regenerated from the spec"
