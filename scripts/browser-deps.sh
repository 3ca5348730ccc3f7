#!/usr/bin/env bash
# What the browser suite (tests/browser/) needs besides Python packages: Debian's Chromium, Java
# and the Nu Html Checker (vnu.jar, from npm into the git-ignored .tools/). As root on Debian it
# installs what is missing; otherwise it names what is missing and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_VERSION="26.9.27"
VNU_JAR=".tools/node_modules/vnu-jar/build/dist/vnu.jar"

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v java >/dev/null || packages+=(default-jre-headless)
if [ ! -f "$VNU_JAR" ] && ! command -v npm >/dev/null; then packages+=(npm); fi

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

if [ ! -f "$VNU_JAR" ]; then
  # --ignore-scripts: the package's install script would try to download a Java runtime.
  npm install --prefix .tools --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    "vnu-jar@$VNU_VERSION" >/dev/null
fi
