#!/usr/bin/env bash
# Install the real feed/web clients used by tests/test_clients.py (Debian/Ubuntu).
# Idempotent: installs only what is missing; runs `apt-get update` at most once.
#   newsboat  - console feed reader (checks ids, titles, links of the served Atom feeds)
#   chromium  - headless browser (console errors, screenshot, autodiscovery links)
set -euo pipefail

declare -A wanted=([newsboat]=newsboat [chromium]=chromium)
missing=()
for prog in "${!wanted[@]}"; do
    command -v "$prog" >/dev/null 2>&1 || missing+=("${wanted[$prog]}")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "clients: already installed (newsboat, chromium)"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
echo "clients: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for prog in "${!wanted[@]}"; do
    command -v "$prog" >/dev/null 2>&1 || { echo "clients: $prog still missing" >&2; exit 1; }
done
echo "clients: installed ${missing[*]}"
