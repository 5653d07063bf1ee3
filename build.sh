#!/usr/bin/env bash
# CounterApp's one entry point.
#   ./build.sh run    install the run-time packages (fonts-ipaexfont), start the web app on http://localhost:5080
#                     (embedded SQLite, demo town); ASPNETCORE_URLS and Database__DataDirectory are honoured when set
#   ./build.sh test   install what the tests need, build in Release and run every test project
#   ./build.sh bench  run the benchmarks
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use as real parts: a PostgreSQL server, pcscd with the virtual card reader (vpcd),
# OpenSC, OpenSSL and GnuTLS as outside verifiers, Chromium for Playwright, IPAex fonts for Japanese PDFs,
# pdftotext and zbarimg to read the PDFs and their QR codes back.
TEST_PACKAGES=(postgresql pcscd vsmartcard-vpcd opensc openssl gnutls-bin chromium fonts-ipaexfont poppler-utils zbar-tools)

# What the app itself needs at run time: a Japanese TrueType font for the PDFs (receipts, letters, the ledger).
RUN_PACKAGES=(fonts-ipaexfont)

say() { printf '==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

need_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (dotnet not found on PATH)"
}

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and not root: install them with apt-get"
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

cmd_run() {
  need_dotnet
  install_packages "${RUN_PACKAGES[@]}"
  # The operator's own choices win; the defaults are the README's.
  local data="${Database__DataDirectory:-$ROOT/data}"
  local urls="${ASPNETCORE_URLS:-http://localhost:5080}"
  mkdir -p "$data"
  chmod 700 "$data"
  say "building CounterApp.Web (Release)"
  dotnet build src/CounterApp.Web -c Release -nologo -v quiet
  cat <<INFO

  CounterApp is starting on $urls
    database : SQLite, $data/counterapp.db
    town     : demo town 上市町 (富山県), office 上市町役場 町民課, counter 2, eight demo residents
    staff    : demo accounts clerk / supervisor / admin; passwords are generated and printed below the
               first time the database is created (delete data/ to start over)
    reader   : each counter has a simulated card reader (シミュレーション); demo card PIN 1234
    2FA      : authenticator-app sign-in is NOT enforced in the demo (Security__TwoFactorRoles=Supervisor,Administrator ./build.sh run enforces it)
    clock    : outside counter hours (平日 8:30–12:00, 13:00–16:30) the counter's rules run on a demo clock from the
               next opening; the CA, OCSP, CRL and audit log keep the real time
               (Demo__OpenHoursClock=false ./build.sh run for the real time everywhere)
    try      : sign in as clerk → 住民検索 → かみいち → 上市 太郎 → 電子証明書の新規発行 (README: "two minutes")
    also     : rules check at /rules; CA at /ca/toyama.cer, /crl/toyama.crl, /ocsp; health at /health
  Stop with Ctrl+C.

INFO
  cd src/CounterApp.Web
  # Demo__OpenHoursClock: outside counter hours the demo town's clock jumps to the next opening (see DemoClock.cs).
  # Security__TwoFactorRoles empty: supervisors and administrators are not forced to enrol an authenticator (demo only).
  exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" Database__DataDirectory="$data" ASPNETCORE_URLS="$urls" \
    Demo__OpenHoursClock="${Demo__OpenHoursClock:-true}" \
    Security__TwoFactorRoles="${Security__TwoFactorRoles-}" \
    dotnet bin/Release/net10.0/CounterApp.Web.dll
}

cmd_test() {
  need_dotnet
  install_packages "${TEST_PACKAGES[@]}"
  say "restoring and building (Release)"
  dotnet build CounterApp.sln -c Release -nologo -v quiet
  # The reader agent runs on Windows counter PCs too: its win-x64 publish must keep building.
  say "publishing the reader agent for win-x64"
  dotnet publish src/CounterApp.ReaderAgent -r win-x64 -c Release -nologo -v quiet -o "$ROOT/artifacts/agent-win-x64" >/dev/null
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local passed=0 failed=0 skipped=0 status=0
  for project in tests/*/*.Tests.csproj; do
    local name log
    name="$(basename "$project" .csproj)"
    log="$results/$name.log"
    say "testing $name"
    if ! dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log"; then
      status=1
    fi
    # "Passed!  - Failed:     0, Passed:   164, Skipped:     0, Total:   164, ..."
    local line
    line="$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -n 1 || true)"
    if [ -z "$line" ]; then
      echo "build.sh: $name printed no result line" >&2
      status=1
      continue
    fi
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
  done
  echo
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
  echo "$passed passed, $failed failed"
  [ "$passed" -gt 0 ] || die "no test ran"
  [ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ] || status=1
  return $status
}

# The references the benchmarks measure against in the same run: openssl speed / ca -gencrl, and wrk for HTTP.
BENCH_PACKAGES=(openssl wrk)

cmd_bench() {
  need_dotnet
  install_packages "${BENCH_PACKAGES[@]}"
  dotnet run --project tests/CounterApp.Benchmarks -c Release -- "$@"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  *) echo "usage: ./build.sh run | test | bench" >&2; exit 2 ;;
esac
