#!/usr/bin/env bash
# The one test command (README "Run the tests"): installs what the tests need, then runs pytest.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/sources -x`.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

# The HTML report test drives a real headless Chromium from Debian's packages.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the browser tests (apt-get)..." >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

python3 -m pytest "$@"
