#!/usr/bin/env bash
# SECURITY.md 16, an independent attacker: Debian's sqlmap (level 3, risk 2) with a signed-in cookie
# against every list page, export and JSON route and its parameters (the same set as
# e2e/security-injection.spec.ts: e2e/security/injection-cases.ts). Exits 1 if sqlmap reports any
# injectable parameter, 2 if it could not run.
#
#   scripts/sqlmap.sh [BASE_URL]          default http://127.0.0.1:3000, a running production build with demo data
#
# Environment: DEMO_PASSWORD (default Demo-parole-2026), SQLMAP_EMAIL (default the demo admin),
# SQLMAP_THREADS (default 4), SQLMAP_OUT (default a new temporary folder), SQLMAP_ARGS (more sqlmap options).
set -euo pipefail
cd "$(dirname "$0")/.."

base="${1:-http://127.0.0.1:3000}"
base="${base%/}"
email="${SQLMAP_EMAIL:-admin@iemaksas.example}"
password="${DEMO_PASSWORD:-Demo-parole-2026}"
threads="${SQLMAP_THREADS:-4}"
out="${SQLMAP_OUT:-$(mktemp -d -t sqlmap-XXXXXX)}"
mkdir -p "$out"

command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)"; exit 2; }
curl -fsS "$base/api/health" >/dev/null || { echo "no app answers at $base"; exit 2; }

# Sign in as a browser's form post to next-auth does (as .ci/run's smoke test): CSRF token, then credentials.
jar="$out/cookies.txt"
csrf=$(curl -fsS -c "$jar" "$base/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "csrfToken=$csrf" "$base/api/auth/callback/credentials"
# Signed in: the dashboard answers itself instead of sending the visitor to /login.
signed_in() { [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/")" = "200" ]; }
signed_in || { echo "sign-in as $email failed"; exit 2; }
# The jar in sqlmap's Cookie header form (HttpOnly cookies are written as "#HttpOnly_<domain>" lines).
cookie=$(awk -F'\t' '{ sub(/^#HttpOnly_/, "", $1) } /^#/ || NF < 7 { next } { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")

# Record ids the targets need: a ministry (its page's programme table) and an import, if there is one.
ministry=$(curl -fsS -b "$jar" "$base/ministries" | grep -oE 'href="/ministries/[0-9]+"' | head -1 | grep -oE '[0-9]+' || true)
import=$(curl -fsS -b "$jar" "$base/import" | grep -oE 'href="/import/[0-9]+"' | head -1 | grep -oE '[0-9]+' || true)
npx --no-install tsx e2e/security/injection-cases.ts "${ministry:-1}" "${import:-}" | sed "s|^|$base|" >"$out/targets.txt"
echo "sqlmap: $(wc -l <"$out/targets.txt") targets (import pages: ${import:-none, no import exists}), output in $out"

started=$(date +%s)
# --dbms: the app runs on PostgreSQL only; sqlmap still tries every technique (boolean, error, UNION,
# stacked, time-based) at level 3 / risk 2 for every parameter, the Cookie, User-Agent and Referer.
# shellcheck disable=SC2086
sqlmap -m "$out/targets.txt" --batch --level 3 --risk 2 --dbms=PostgreSQL --skip-static --threads "$threads" \
  --cookie "$cookie" --output-dir "$out/sqlmap" --results-file "$out/results.csv" --disable-coloring \
  --answers "follow=N" --timeout 30 --retries 2 ${SQLMAP_ARGS:-} >"$out/sqlmap.log" 2>&1 || true
seconds=$(($(date +%s) - started))

# Still signed in at the end? A session that expired half-way would have turned the run into redirects.
signed_in || echo "warning: the session ended during the run; results cover only part of it"

tested=$(grep -c "testing URL" "$out/sqlmap.log" || true)
found=$( { tail -n +2 "$out/results.csv" 2>/dev/null || true; } | grep -c . || true)
vulnerable=$(grep -E "is vulnerable|identified the following injection point" "$out/sqlmap.log" || true)
echo "sqlmap: $tested URLs tested in ${seconds} s; injectable parameters: $found"
if [ "$found" != "0" ] || [ -n "$vulnerable" ]; then
  cat "$out/results.csv" 2>/dev/null || true
  echo "$vulnerable"
  exit 1
fi
grep -E "^\[.*\] \[(CRITICAL|ERROR)\]" "$out/sqlmap.log" | sort | uniq -c | head -20 || true
echo "sqlmap found nothing injectable"
