#!/usr/bin/env bash
# Runs every test and gate. Installs what the gates need on a fresh Debian machine
# (Chromium, poppler-utils, qpdf, zbar-tools from apt; vnu-jar, axe-core, playwright-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tools for the gates"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

echo "== unit and integration tests"
cargo test --locked

echo "== the example content passes check and builds"
cargo run --quiet --locked -- check --root .
site="$(mktemp -d)/public"
cargo run --quiet --locked -- build --root . --out "$site"

echo "== gate: Nu Html Checker on every page"
node tests/browser/vnu.mjs "$site"

echo "== gate: axe-core (WCAG 2.1 A/AA) in Chromium, no third-party requests, search"
node tests/browser/axe.mjs "$site" de ar

echo "== gate: on a phone (de, ar, uk at 320/360/375 px), offline, print"
node tests/browser/phone.mjs "$site"
