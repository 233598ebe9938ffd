#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver when they are missing: the simulator starts a real
# headless Chromium for profile-open, and the browser tests drive it. Idempotent; needs root or sudo.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "chromium and chromedriver are installed: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install Chromium and ChromeDriver with your package manager, or set IXBROWSER_SIMULATOR_CHROMIUM and IXBROWSER_SIMULATOR_CHROMEDRIVER." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium chromium-driver >/dev/null
echo "installed: $(chromium --version 2>/dev/null | head -n 1), $(chromedriver --version 2>/dev/null | head -n 1)"
