#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser test (test/browser/), installing it
# through apt when missing. Needs root (or sudo). Called by .ci/run; safe to run again.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install packages (run: apt-get install -y chromium)" >&2
    exit 1
  fi
fi

echo "ensure-chromium: installing Debian's chromium through apt ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: apt finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
