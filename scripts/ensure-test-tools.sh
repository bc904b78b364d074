#!/usr/bin/env bash
# The Debian tools the e2e tests drive (run by `npm test` and `.ci/run`): an independent JOSE
# verifier, PDF text/signature/raster tools, a QR decoder, Debian's chromium (never a downloaded
# browser) and a CJK font for the screenshots. Installs what is missing when run as root;
# otherwise names the packages and stops.
set -euo pipefail
need=()
command -v pdftoppm >/dev/null && command -v pdfsig >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
# The PDF's structure check (qpdf --check) after two incremental signatures.
command -v qpdf >/dev/null || need+=(qpdf)
# A pseudo-terminal for the CLI's prompts (util-linux's script).
command -v script >/dev/null || need+=(bsdutils)
/usr/bin/python3 -c 'import jwcrypto' 2>/dev/null || need+=(python3 python3-jwcrypto)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -qi 'noto' || need+=(fonts-noto-cjk)
# The PDF's default fallback for CJK Extension B names (PDF_FALLBACK_FONTS, docs/pdf.md).
[ -r /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ] || need+=(fonts-hanazono)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "The e2e tests need these Debian packages: ${need[*]}. Install them (apt-get install ${need[*]}) and run npm test again." >&2
  exit 1
fi
echo "Installing the Debian packages the e2e tests use: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
