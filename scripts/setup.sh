# Sourced by start.sh and test.sh: installs what Ferry needs on a fresh Debian machine that has
# only Node 20 and npm, then builds the packages. Idempotent and quick when all is in place.
set -euo pipefail

PNPM_VERSION=10.34.9
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1             # only Debian's browsers are used
export PUPPETEER_SKIP_DOWNLOAD=1                      # (puppeteer's Chrome download fails here)
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export STORYBOOK_DISABLE_TELEMETRY=1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "ferry: installing pnpm $PNPM_VERSION"
  # pnpm 11 crashes on Node 20 and corepack cannot verify signatures here: pin a global install.
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm install --global "pnpm@$PNPM_VERSION"
fi

apt_install() { # package names
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "ferry: installing Debian's chromium"
    apt_install chromium
  fi
}

# The three engines the browser tests run in: Chromium, Firefox ESR (driven by puppeteer) and
# WebKitGTK's MiniBrowser (through WebKitWebDriver, on an Xvfb display).
ensure_browsers() {
  export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
  local missing=()
  [ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "ferry: installing Debian's ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

# The second backend the conformance kit is proven against (examples/python-backend): Python 3
# with Debian's boto3.
ensure_python_boto3() {
  if ! python3 -c 'import boto3' >/dev/null 2>&1; then
    echo "ferry: installing Debian's python3-boto3"
    apt_install python3 python3-boto3
  fi
}

echo "ferry: installing dependencies"
pnpm install --frozen-lockfile --reporter=silent
echo "ferry: building packages"
pnpm --silent build || { echo "ferry: build failed (see above)"; exit 1; }
