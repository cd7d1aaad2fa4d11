#!/usr/bin/env bash
# The whole test suite: installs what it needs, lints, checks the import contract
# ([tool.importlinter] in pyproject.toml), then runs pytest.
# pytest's exit code 5 ("no tests collected") is turned into a failure on purpose.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
scripts/bootstrap.sh dev || exit 1
.venv/bin/ruff check . || exit 1
.venv/bin/ruff format --check . || exit 1
.venv/bin/lint-imports --no-cache || exit 1  # the import contract in pyproject.toml
.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; failing on purpose." >&2
  exit 1
fi
exit "$rc"
