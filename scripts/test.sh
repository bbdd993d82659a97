#!/usr/bin/env bash
# Runs every test and gate. Installs what the gates need on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

echo "== unit and integration tests"
cargo test --locked

echo "== the example content passes check"
cargo run --quiet --locked -- check --root .
