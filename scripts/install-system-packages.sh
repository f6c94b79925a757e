#!/usr/bin/env bash
# Install the Debian packages the service needs, only when something is missing.
#   runtime: fonts and libraries WeasyPrint uses to print PDFs
#   test:    the above plus Chromium (browser tests) and poppler-utils (reading PDFs back)
#   cluster: the above plus nginx and wrk (scripts/cluster.py, the cluster suite and its bench)
set -euo pipefail
kind="${1:-runtime}"
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-liberation)
if [[ "$kind" == "test" || "$kind" == "cluster" ]]; then
  packages+=(chromium poppler-utils)
fi
if [[ "$kind" == "cluster" ]]; then
  packages+=(nginx wrk)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} == 0 )); then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
# Wait for another apt or dpkg run to finish rather than fail on its lock (a busy machine).
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
  --no-install-recommends "${missing[@]}" >/dev/null
