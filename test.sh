#!/usr/bin/env bash
# The one test command: installs what the tests need (Chromium, PostgreSQL, CJK fonts),
# starts a throw-away PostgreSQL cluster, builds, and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing ${missing[*]}: run as root or install them (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

echo "== starting a throw-away PostgreSQL cluster"
eval "$(scripts/pg-throwaway.sh start)"
trap 'scripts/pg-throwaway.sh stop "$CCRM_PG_DIR"' EXIT

echo "== building"
dotnet build CourierCrm.slnx -c Release -nologo -v q

results=$(mktemp -d)
status=0
for project in tests/CourierCrm.Domain.Tests tests/CourierCrm.Web.Tests tests/CourierCrm.E2E; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFilePrefix=$(basename "$project")" --results-directory "$results" \
    --logger "console;verbosity=normal" || status=1
done

# One closing line for CI, summed over the projects' TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
[ -d tests/CourierCrm.E2E/bin/Release/net10.0/screenshots ] && echo "screenshots: tests/CourierCrm.E2E/bin/Release/net10.0/screenshots"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
