#!/usr/bin/env bash
# Create .venv (once) and install the project with the given extras, re-installing
# only when pyproject.toml changed. Usage: scripts/bootstrap.sh [extras]
#
# The install goes through uv (taken from PyPI into the venv) when it can: it resolves the
# same versions as pip from the same pyproject.toml in about half of pip's CPU time, byte-
# code compiled as pip does (without it every process compiled the libraries it imports),
# most of a fresh clone's ./test.sh start-up (bench/RESULTS.md, suite-speed2).
# pip does the install when uv cannot be had or fails; BRIEFBOT_PIP_ONLY=1 forces pip.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
extras=${1:-}
py=${PYTHON:-python3}
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11+ is required (found: $("$py" --version 2>&1))." >&2
  exit 1
fi
venv="$root/.venv"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
stamp="$venv/.installed-${extras:-base}"
want=$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  spec="$root"
  [ -n "$extras" ] && spec="$root[$extras]"
  pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
  installed=
  if [ -z "${BRIEFBOT_PIP_ONLY:-}" ]; then
    if [ -x "$venv/bin/uv" ] || "${pip[@]}" uv >&2; then
      if "$venv/bin/uv" pip install --quiet --compile-bytecode --python "$venv/bin/python" -e "$spec" >&2; then
        installed=uv
      else
        echo "bootstrap: uv could not install the project; installing with pip." >&2
      fi
    else
      echo "bootstrap: uv could not be installed; installing with pip." >&2
    fi
  fi
  [ -n "$installed" ] || "${pip[@]}" -e "$spec" >&2
  echo "$want" > "$stamp"
fi
