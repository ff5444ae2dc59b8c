#!/usr/bin/env bash
# Fails when db/schema/ differs from what the committed migrations build: generates into a scratch copy
# of drizzle/ and checks that drizzle-kit finds nothing to write.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data
scratch=$(mktemp -d .data/drift.XXXXXX)  # drizzle-kit wants a relative --out
trap 'rm -rf "$scratch"' EXIT
cp -r drizzle "$scratch/drizzle"
out=$(npx drizzle-kit generate --dialect postgresql --schema ./db/schema/index.ts --out "$scratch/drizzle" --casing snake_case 2>&1)
if ! grep -q "No schema changes" <<<"$out"; then
  echo "$out"
  echo "db/schema/ has changes that no migration holds: run npm run db:generate and commit the migration" >&2
  exit 1
fi
echo "no schema drift"
