#!/usr/bin/env bash
# Installs Debian's ansible-core package for the fleet playbook's test when ansible-playbook is not
# on PATH. Needs root or password-less sudo and apt-get; anywhere else it says why and exits 0, and
# the playbook test skips with that reason. HWLAB_NO_ANSIBLE_INSTALL=1 turns the install off.
set -uo pipefail

if command -v ansible-playbook >/dev/null 2>&1; then
    exit 0
fi
if [ "${HWLAB_NO_ANSIBLE_INSTALL:-0}" = "1" ]; then
    echo "install-ansible: HWLAB_NO_ANSIBLE_INSTALL=1, not installing; the playbook test will skip" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-ansible: no apt-get here; install ansible-core yourself to run the playbook test" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "install-ansible: not root and no password-less sudo; run 'apt-get install ansible-core' as root to run the playbook test" >&2
    exit 0
fi

echo "install-ansible: installing Debian's ansible-core package for the fleet playbook's test" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get update -qq >&2 \
    || ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends ansible-core >&2; then
    echo "install-ansible: apt-get could not install ansible-core; the playbook test will skip" >&2
fi
exit 0
