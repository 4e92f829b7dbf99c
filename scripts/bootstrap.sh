#!/usr/bin/env bash
# Shared set-up for scripts/build, scripts/test and the other commands: the Debian packages that
# cannot come from PyPI, and a virtual environment (.venv) with the pinned, hashed
# scripts/requirements.txt (generated from pyproject.toml by scripts/lock) and this project
# installed in it as an editable package (so that `mkdocs` finds the victiminfo plugin).
# Sourced, not run: `source scripts/bootstrap.sh build|test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
REQUIREMENTS="$ROOT/scripts/requirements.txt"
PYPROJECT="$ROOT/pyproject.toml"

# fonts-noto-core: Latin, Arabic, Persian, Ethiopic and Cyrillic glyphs for the leaflets.
# libharfbuzz-subset0: font subsetting; without it WeasyPrint is several times slower.
# libpango*: WeasyPrint's text layout. git: edition dates come from the last commit.
# python3-venv: on a fresh Debian, `python3 -m venv` needs it.
BUILD_PACKAGES=(fonts-noto-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 git python3-venv)
# poppler-utils: pdffonts, pdftotext and pdftoppm to inspect leaflets;
# chromium + chromium-driver: browser tests in Debian's own headless Chromium.
# nginx: the browser tests run against the real web server and its generated configuration.
# libnginx-mod-http-brotli-static: nginx sends the build's FILE.br copies (brotli_static).
# zbar-tools: zbarimg reads the QR codes of the language card back.
TEST_PACKAGES=(poppler-utils chromium chromium-driver nginx libnginx-mod-http-brotli-static zbar-tools)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

ensure_packages() {
  local missing
  missing=$(missing_packages "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "error: this set-up expects Debian or Ubuntu (apt-get). Install the equivalent of: $missing" >&2
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "error: these system packages are missing: $missing" >&2
      echo "Install them once with:  sudo apt-get update && sudo apt-get install -y $missing" >&2
      exit 1
    fi
  fi
  echo "Installing system packages: $missing" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
}

pip_quietly() {
  if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@" \
      >>"$VENV/pip.log" 2>&1; then
    tail -n 30 "$VENV/pip.log" >&2
    echo "error: installing the Python packages failed; the full log is in .venv/pip.log" >&2
    exit 1
  fi
}

ensure_venv() {
  local stamp="$VENV/.requirements.sha256" want
  want=$(cat "$REQUIREMENTS" "$PYPROJECT" | sha256sum | cut -d' ' -f1)
  if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  echo "Setting up the Python environment in .venv (once) ..." >&2
  python3 -m venv "$VENV" >&2
  : > "$VENV/pip.log"
  # Every package pinned with its hashes (pip checks them), then this project itself.
  pip_quietly --require-hashes -r "$REQUIREMENTS"
  pip_quietly --no-deps --no-build-isolation --editable "$ROOT"
  echo "$want" > "$stamp"
}

case "${1:-build}" in
  build) ensure_packages "${BUILD_PACKAGES[@]}" ;;
  test) ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" ;;
  *) echo "bootstrap.sh: unknown mode '$1'" >&2; exit 2 ;;
esac
ensure_venv
export PYTHONPATH="$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}"
PYTHON="$VENV/bin/python"
