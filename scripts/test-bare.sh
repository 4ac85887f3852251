#!/usr/bin/env bash
# npm run test:bare — the e2e suite as on a bare machine: in a private mount namespace, overlay whiteouts hide the system
# Chromium (/usr/bin/chromium), Mozilla's NSS/NSPR libraries (/usr/lib/x86_64-linux-gnu) and the Noto CJK fonts
# (/usr/share/fonts/opentype/noto), so the run must find the Chromium shipped in @sparticuz/chromium, its own NSS, and
# the harness's self-hosted webfonts. (A bind mount of /dev/null would not do: the file would still exist.)
# Needs Linux, root and unshare/overlayfs; elsewhere it says why and exits 0 without testing.
set -euo pipefail
cd "$(dirname "$0")/.."

why_not=""
[ "$(uname -s)" = Linux ] || why_not="不是 Linux / not Linux"
[ -z "$why_not" ] && [ "$(id -u)" = 0 ] || why_not="${why_not:-需要 root（挂载命名空间）/ needs root for a mount namespace}"
[ -z "$why_not" ] && command -v unshare >/dev/null || why_not="${why_not:-没有 unshare 命令 / unshare not found}"
[ -z "$why_not" ] && [ "$(uname -m)" = x86_64 ] || why_not="${why_not:-@sparticuz/chromium 只支持 x86_64 / the packaged Chromium is x86_64 only}"
if [ -n "$why_not" ]; then
  echo "test:bare 未运行：$why_not。它在 Linux x64 上以 root 运行（.ci/run 调用它）。"
  echo "test:bare not run: $why_not. It runs on Linux x64 as root (.ci/run calls it)."
  exit 0
fi

[ -f dist/harness.html ] || npm run build

scratch=$(mktemp -d /tmp/tigang-bare.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
export TIGANG_BARE_SCRATCH="$scratch"
# An argument picks e2e files by name, as for test/e2e/run.mjs (npm run test:bare -- layout).
export TIGANG_BARE_ONLY="${1:-}"

# Everything below runs inside the new mount namespace; the mounts vanish with it.
unshare -m --propagation private bash -euo pipefail <<'INNER'
scratch="$TIGANG_BARE_SCRATCH"
# hide DIR NAME...: overlay DIR with an upper layer whose whiteouts (0/0 character devices) remove NAME...
hide() {
  local dir="$1"; shift
  local key; key=$(echo "$dir" | tr / _)
  mkdir -p "$scratch/$key/upper" "$scratch/$key/work"
  local n=0
  for name in "$@"; do
    if [ -e "$dir/$name" ] || [ -L "$dir/$name" ]; then mknod "$scratch/$key/upper/$name" c 0 0; n=$((n + 1)); fi
  done
  mount -t overlay overlay -o "lowerdir=$dir,upperdir=$scratch/$key/upper,workdir=$scratch/$key/work" "$dir"
  echo "  hidden in $dir: $n"
}
echo "test:bare — hiding the system browser, NSS/NSPR and CJK fonts:"
hide /usr/bin chromium chromium-browser google-chrome google-chrome-stable microsoft-edge microsoft-edge-stable
libs=()
for f in /usr/lib/x86_64-linux-gnu/*; do
  case "$(basename "$f")" in
    libnss3.so*|libnssutil3.so*|libnssckbi.so*|libnssdbm3.*|libsmime3.so*|libssl3.so*|libsoftokn3.*|libfreebl*|libnspr4.*|libplc4.*|libplds4.*|nss) libs+=("$(basename "$f")") ;;
  esac
done
hide /usr/lib/x86_64-linux-gnu "${libs[@]}"
[ -d /usr/share/fonts/opentype/noto ] && hide /usr/share/fonts/opentype noto
# Prove the hiding took: no system browser, no NSS, no Chinese font.
for b in /usr/bin/chromium /usr/bin/google-chrome; do [ ! -e "$b" ] || { echo "still visible: $b"; exit 1; }; done
[ ! -e /usr/lib/x86_64-linux-gnu/libnss3.so ] || { echo "still visible: libnss3.so"; exit 1; }
export FONTCONFIG_CACHE="$scratch/fc-cache"   # a fresh cache: the system one still lists the hidden fonts
if command -v fc-list >/dev/null; then
  zh=$(XDG_CACHE_HOME="$scratch" fc-list :lang=zh family | wc -l)
  echo "  fonts with Chinese left: $zh"
  [ "$zh" = 0 ] || { echo "Chinese fonts still visible"; exit 1; }
fi
unset CHROMIUM_PATH
export XDG_CACHE_HOME="$scratch" TIGANG_BARE=1
node test/e2e/run.mjs $TIGANG_BARE_ONLY
INNER
