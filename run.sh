#!/usr/bin/env bash
# The main job: installs what it needs, then runs `briefbot` with the given arguments.
# Without a Telegram token it shows the product working offline on the bundled corpus.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/bootstrap.sh"
exec "$root/.venv/bin/briefbot" "$@"
