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
exec bash "$(dirname "$0")/../install-debian-package.sh" install-chromium chromium HWLAB_NO_BROWSER_INSTALL "the browser tests"
