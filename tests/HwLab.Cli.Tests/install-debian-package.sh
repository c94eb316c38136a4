#!/usr/bin/env bash
# Installs one Debian package a test needs, as root or with password-less sudo: the shared half of
# Browser/install-chromium.sh and Fleet/install-ansible.sh, which first look for the program.
#   install-debian-package.sh NAME PACKAGE OPT_OUT_VARIABLE WHAT_SKIPS
# Never fails: where it cannot install it says why, exits 0, and the tests that need the package
# skip with that reason. OPT_OUT_VARIABLE=1 in the environment turns the install off.
set -uo pipefail

name=$1 package=$2 opt_out=$3 skips=$4

if [ "${!opt_out:-0}" = "1" ]; then
    echo "$name: $opt_out=1, not installing; $skips will skip" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$name: no apt-get here; install $package yourself to run $skips" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "$name: not root and no password-less sudo; run 'apt-get install $package' as root to run $skips" >&2
    exit 0
fi

echo "$name: installing Debian's $package package for $skips" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get update -qq >&2 \
    || ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$package" >&2; then
    echo "$name: apt-get could not install $package; $skips will skip" >&2
fi
exit 0
