#!/usr/bin/env bash
# The whole test suite: installs what it needs, lints, checks the import contract
# ([tool.importlinter] in pyproject.toml), starts a throwaway PostgreSQL server for the
# database tests (scripts/test_postgres.sh), then runs pytest.
# pytest's exit code 5 ("no tests collected") is turned into a failure on purpose.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
scripts/bootstrap.sh dev || exit 1
# Byte-code caches written: an environment that sets PYTHONDONTWRITEBYTECODE would make
# every process of the suite (two workers, hundreds of `briefbot` subprocesses) compile
# the project's modules again, and pytest rewrite every test module in each worker.
unset PYTHONDONTWRITEBYTECODE
.venv/bin/ruff check . || exit 1
.venv/bin/ruff format --check . || exit 1
.venv/bin/lint-imports --no-cache || exit 1  # the import contract in pyproject.toml
source scripts/test_postgres.sh
trap pg_test_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pg_test_start || exit 1
# On a fresh clone every worker would rewrite the assertions of every test module
# (pytest) and compile the project's modules itself; two collections of half the files
# each, side by side, write both caches once for all of them (bench/RESULTS.md,
# suite-speed2). Skipped once the caches exist.
if ! compgen -G "tests/__pycache__/*-pytest-*.pyc" > /dev/null; then
  mapfile -t files < <(ls tests/test_*.py)
  half=$((${#files[@]} / 2))
  .venv/bin/python -m pytest --collect-only -q -p no:cacheprovider "${files[@]:0:half}" > /dev/null 2>&1 &
  first=$!
  .venv/bin/python -m pytest --collect-only -q -p no:cacheprovider "${files[@]:half}" > /dev/null 2>&1 &
  wait "$first" $!
fi
# The tests run on BRIEFBOT_TEST_WORKERS processes (pytest-xdist; 2 by default, 0 runs
# them in this one process), handed out test by test (--dist load): measured faster than
# keeping a file on one worker (loadfile), whose module fixtures a worker then builds
# once, the longest files ending last (bench/RESULTS.md, suite-speed). Arguments after
# ours win: ./test.sh -n 0 tests/test_x.py, ./test.sh --dist loadfile.
workers=${BRIEFBOT_TEST_WORKERS:-2}
.venv/bin/python -m pytest -n "$workers" --dist load "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; failing on purpose." >&2
  exit 1
fi
if [ -n "${BRIEFBOT_TEST_PG_SKIP:-}" ]; then
  echo "test.sh: the PostgreSQL tests were SKIPPED: $BRIEFBOT_TEST_PG_SKIP" >&2
fi
exit "$rc"
