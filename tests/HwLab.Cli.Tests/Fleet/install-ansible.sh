#!/usr/bin/env bash
# Installs Debian's ansible-core package for the fleet playbook's test when ansible-playbook is not
# on PATH (HWLAB_NO_ANSIBLE_INSTALL=1 turns it off); where it cannot, the test skips and says why.
set -uo pipefail

if command -v ansible-playbook >/dev/null 2>&1; then
    exit 0
fi
exec bash "$(dirname "$0")/../install-debian-package.sh" install-ansible ansible-core HWLAB_NO_ANSIBLE_INSTALL "the fleet playbook's test"
