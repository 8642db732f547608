#!/usr/bin/env bash
# Writes the SQL that takes the database from the schema at the last migration to the current
# prisma/schema.prisma, using Prisma 6's WASM engine (Prisma 7's CLI needs a native engine
# that cannot be downloaded here). Usage: npm run db:sql -- <migration_name>
# The new folder must then be reviewed: Prisma-inexpressible constraints are appended by hand.
set -euo pipefail
name=${1:?usage: make-migration.sh <name>}
root=$(cd "$(dirname "$0")/../.." && pwd)
tool="$root/prisma/tools/sqlgen"
[ -d "$tool/node_modules/prisma" ] || (cd "$tool" && npm install --no-audit --no-fund >/dev/null)
export PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_HIDE_UPDATE_MESSAGE=1
# Prisma 6 wants a url in the datasource, Prisma 7 forbids it: feed Prisma 6 a copy.
to_schema() { sed 's/provider = "postgresql"/provider = "postgresql"\n  url      = env("SQLGEN_DATABASE_URL")/' "$1"; }
to_schema "$root/prisma/schema.prisma" > "$tool/schema.prisma"
from=(--from-empty)
if [ -f "$root/prisma/schema.last-migration.prisma" ]; then
  to_schema "$root/prisma/schema.last-migration.prisma" > "$tool/from.prisma"
  from=(--from-schema-datamodel "$tool/from.prisma")
fi
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
(cd "$tool" && SQLGEN_DATABASE_URL=${SQLGEN_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} npx prisma migrate diff "${from[@]}" \
  --to-schema-datamodel "$tool/schema.prisma" --script) > "$dir/migration.sql"
cp "$root/prisma/schema.prisma" "$root/prisma/schema.last-migration.prisma"
echo "wrote $dir/migration.sql"
