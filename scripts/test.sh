#!/usr/bin/env bash
# The whole test suite, set-up included: on a fresh Debian machine with Python 3.11 this installs
# what the tests need, then runs them. Extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --root-user-action=ignore -e '.[test]'
bash scripts/browser-deps.sh
python3 -m pytest "$@"
