#!/usr/bin/env bash
# Writes the SQL that takes a database migrated by prisma/migrations to the current
# prisma/schema.prisma, using Prisma 6's WASM engine (Prisma 7's CLI needs a native engine
# that cannot be downloaded here). Usage: npm run db:sql -- <migration_name>
# The "from" side is the migrations themselves, replayed into a scratch database created (and
# dropped) beside SQLGEN_DATABASE_URL, so no copy of the schema has to be kept.
# The new folder must then be reviewed: Prisma-inexpressible constraints are appended by hand.
set -euo pipefail
name=${1:?usage: make-migration.sh <name>}
root=$(cd "$(dirname "$0")/../.." && pwd)
tool="$root/prisma/tools/sqlgen"
[ -d "$tool/node_modules/prisma" ] || (cd "$tool" && npm install --no-audit --no-fund >/dev/null)
export PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_HIDE_UPDATE_MESSAGE=1
export SQLGEN_DATABASE_URL=${SQLGEN_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
export SQLGEN_SHADOW_DATABASE="sqlgen_shadow_$(date -u +%s)_$$"
# The config drops the scratch database when the engine is done; this covers an engine crash.
drop_shadow() {
  (cd "$tool" && node -e 'const c = new (require("pg").Client)({ connectionString: process.env.SQLGEN_DATABASE_URL });
    c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.env.SQLGEN_SHADOW_DATABASE}" WITH (FORCE)`)).finally(() => c.end())') || true
}
trap drop_shadow EXIT
# Prisma 6 wants a url in the datasource, Prisma 7 forbids it: feed Prisma 6 a copy.
sed 's/provider = "postgresql"/provider = "postgresql"\n  url      = env("SQLGEN_DATABASE_URL")/' \
  "$root/prisma/schema.prisma" > "$tool/schema.prisma"
sql=$(cd "$tool" && npx prisma migrate diff --from-migrations "$root/prisma/migrations" \
  --to-schema-datamodel "$tool/schema.prisma" --script)
# Leave out the drops of foreign keys that live only in SQL (see sql-only-foreign-keys.txt).
keep=$(grep -v '^[[:space:]]*\(#\|$\)' "$root/prisma/tools/sql-only-foreign-keys.txt" | tr '\n' ' ')
sql=$(printf '%s\n' "$sql" | awk -v keep="$keep" '
  BEGIN { RS = ""; ORS = "\n\n"; n = split(keep, k, " "); for (i = 1; i <= n; i++) sqlOnly[k[i]] = 1 }
  /^-- DropForeignKey\n/ && match($0, /DROP CONSTRAINT "[^"]+";/) {
    if (substr($0, RSTART + 17, RLENGTH - 19) in sqlOnly) next
  }
  { print }')
if ! printf '%s\n' "$sql" | grep -v '^--' | grep -q '[^[:space:]]'; then
  echo "no difference between prisma/migrations and prisma/schema.prisma: no migration written"
  exit 0
fi
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
