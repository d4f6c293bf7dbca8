#!/usr/bin/env bash
# Makes sure the Debian tools the tests use are installed, through apt when missing: chromium at /usr/bin/chromium
# (the browser test, test/browser/) and openssl (the Microsoft Entra stand-in's certificate, test/support/). Needs root
# (or sudo) only when something is missing. Run by `npm test`; safe to run again.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-test-tools: ${missing[*]} missing and this user cannot install packages (run: apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

echo "ensure-test-tools: installing ${missing[*]} through apt ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

if [ ! -x /usr/bin/chromium ] || ! command -v openssl >/dev/null 2>&1; then
  echo "ensure-test-tools: apt finished but chromium or openssl is still missing" >&2
  exit 1
fi
echo "ensure-test-tools: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed); $(openssl version)"
