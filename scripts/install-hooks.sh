#!/usr/bin/env bash
# Installs the git pre-commit hook that runs `steckbrief check` on what is being committed (the
# staged files, see examples/hooks/pre-commit).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
hooks="$(git rev-parse --git-path hooks)"
mkdir -p "$hooks"
cp examples/hooks/pre-commit "$hooks/pre-commit"
chmod +x "$hooks/pre-commit"
echo "installed $hooks/pre-commit: every commit now runs steckbrief check on the staged files"
