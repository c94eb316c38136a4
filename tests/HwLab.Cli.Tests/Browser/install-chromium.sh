#!/usr/bin/env bash
# Installs Debian's chromium package for the report's browser test when no Chromium is on PATH.
# Needs root or password-less sudo and apt-get; anywhere else it says why and exits 0, and the
# browser tests skip with that reason. HWLAB_NO_BROWSER_INSTALL=1 turns the install off.
set -uo pipefail

for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
        exit 0
    fi
done
if [ -n "${HWLAB_CHROMIUM:-}" ]; then
    exit 0
fi
if [ "${HWLAB_NO_BROWSER_INSTALL:-0}" = "1" ]; then
    echo "install-chromium: HWLAB_NO_BROWSER_INSTALL=1, not installing; the browser tests will skip" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: no apt-get here; install Chromium yourself (or set HWLAB_CHROMIUM) to run the browser tests" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "install-chromium: not root and no password-less sudo; run 'apt-get install chromium' as root to run the browser tests" >&2
    exit 0
fi

echo "install-chromium: installing Debian's chromium package for the report's browser test" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get update -qq >&2 \
    || ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >&2; then
    echo "install-chromium: apt-get could not install chromium; the browser tests will skip" >&2
fi
exit 0
