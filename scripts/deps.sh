#!/bin/sh
# Installs the Debian packages peil needs, when they are missing.
#   deps.sh build   what `make` and `make run` need
#   deps.sh check   that, plus what `make check` needs
set -u
need="gcc make pkg-config libncurses-dev libyaml-dev gettext"
# Voting from phones: the HTTP server (with GnuTLS for --tls-cert) and the QR code.
need="$need libmicrohttpd-dev libqrencode-dev"
# Council documents: PDF (cairo + pango), ODT (libzip + libxml2), a font
# that covers Dutch, found through fontconfig.
need="$need libcairo2-dev libpango1.0-dev libzip-dev libxml2-dev fontconfig fonts-dejavu-core"
if [ "${1:-build}" = check ]; then
	need="$need libcmocka-dev tmux python3 python3-yaml locales clang groff-base man-db chromium poppler-utils"
	# The phone page's accessibility check runs axe-core (npm) in Chromium;
	# an npm that came with another Node.js install will do.
	command -v npm >/dev/null 2>&1 || need="$need npm"
	# The calendar export is parsed by a strict iCalendar reader.
	need="$need python3-icalendar"
	# The phones' server over TLS: a certificate for 127.0.0.1 made by openssl.
	need="$need openssl"
	# validate reads each questionnaire once: counted with strace (network).
	need="$need strace"
	# Documents as a reader gets them: a GFM renderer (no links out of a
	# note), Python-Markdown (line breaks), LibreOffice (the ODT opens),
	# npm for axe-core (accessibility, installed below).
	need="$need cmark-gfm python3-markdown libreoffice-writer-nogui"
	command -v npm >/dev/null 2>&1 || need="$need npm"
fi
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "peil: installing missing Debian packages:$missing"
	if [ "$(id -u)" -eq 0 ]; then
		sudo=""
	elif command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "peil: cannot install packages: not root and no sudo." >&2
		echo "peil: please run as root: apt-get install$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	if ! { $sudo apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 ||
	       { $sudo apt-get update >/dev/null 2>&1 &&
	         $sudo apt-get install -y --no-install-recommends $missing; }; }; then
		echo "peil: apt-get could not install:$missing" >&2
		echo "peil: install them by hand (apt-get install$missing) and try again." >&2
		exit 1
	fi
fi
# The tests check that numbers stay locale-proof under a Dutch locale.
if [ "${1:-build}" = check ] && ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	echo "peil: generating the nl_NL.UTF-8 locale for the tests"
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	if [ -f /etc/locale.gen ]; then
		$sudo sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
		grep -q '^nl_NL.UTF-8 UTF-8' /etc/locale.gen || echo 'nl_NL.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
		$sudo locale-gen >/dev/null 2>&1 || echo "peil: locale-gen failed; locale tests will be skipped" >&2
	else
		$sudo localedef -i nl_NL -f UTF-8 nl_NL.UTF-8 2>/dev/null || echo "peil: could not generate nl_NL.UTF-8; locale tests will be skipped" >&2
	fi
fi
# axe-core (accessibility rules run inside headless Chromium) has no Debian
# package: npm installs it once, globally; the tests only look for it.
if [ "${1:-build}" = check ] && command -v npm >/dev/null 2>&1 &&
   [ ! -f "$(npm root -g 2>/dev/null)/axe-core/axe.min.js" ]; then
	echo "peil: installing axe-core (npm) for the accessibility test"
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo npm install -g --no-audit --no-fund axe-core@4 >/dev/null 2>&1 ||
		echo "peil: npm could not install axe-core; the accessibility test will be skipped" >&2
fi
# npm packages for the tests (tests/node/package.json), never installed by a test.
if [ "${1:-build}" = check ] && [ ! -f "$(dirname "$0")/../tests/node/node_modules/axe-core/axe.min.js" ]; then
	echo "peil: installing the tests' npm packages (tests/node)"
	npm install --prefix "$(dirname "$0")/../tests/node" --no-audit --no-fund --loglevel=error >/dev/null ||
		echo "peil: npm install failed; the accessibility test will be skipped" >&2
fi
exit 0
