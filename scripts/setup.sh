#!/bin/sh
# Prepare a machine to run CivicDesk from this checkout: the Debian libraries Qt needs (only those missing),
# a virtual environment in .venv, and CivicDesk installed into it in editable mode.
#   sh scripts/setup.sh        -> the application
#   sh scripts/setup.sh test   -> the application and the test tools
set -eu
cd "$(dirname "$0")/.."

# Qt's xcb and offscreen platforms need these; python3-venv makes `python3 -m venv` work on Debian;
# the WenQuanYi font shows Chinese on screen and prints 黑体; AR PL UMing and UKai print 宋体 and 楷体
# (TrueType, so reportlab embeds them). The tests also use poppler's pdffonts/pdftotext when present.
packages="python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
 libxcb-image0 fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai"
[ "${1:-}" = "test" ] && packages="$packages poppler-utils"
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    missing=""
    for p in $packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        echo "Installing Debian packages:$missing"
        if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
        log=$(mktemp)
        if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing; } >"$log" 2>&1; then
            tail -n 20 "$log"; echo "apt-get failed: install these packages by hand:$missing" >&2; exit 1
        fi
        rm -f "$log"
    fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "test" ]; then
    .venv/bin/python -m pip install -q -e '.[test]'
else
    .venv/bin/python -m pip install -q -e .
fi
