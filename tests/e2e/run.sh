#!/usr/bin/env bash
# Browser tests: build, start the server with demo data on a free port (temporary data folder and
# key folder), run the tests in tests/e2e/ against it with Debian's Chromium, stop the server.
# Screenshots land in tests/artifacts/. Usage: bash tests/e2e/run.sh [jest args, e.g. -t pattern]
set -euo pipefail
cd "$(dirname "$0")/../.."

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)}
[ -x "$CHROMIUM" ] || { echo "Chromium is needed (apt-get install -y chromium)"; exit 1; }
export CHROMIUM

[ "${SKIP_BUILD:-}" = 1 ] || npm run build --silent
WORK=$(mktemp -d)
PORT=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
export BASE_URL="http://localhost:$PORT"
mkdir -p tests/artifacts

# every test logs in afresh from one address: more logins than the default limit of 30 per 15 minutes
PORT=$PORT OOGST_DATA_DIR="$WORK/data" XDG_CONFIG_HOME="$WORK/config" NODE_ENV=development LOG_LEVEL=warn AUTH_RATE_LIMIT=100000 \
  node dist/server.js > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  cp "$WORK/server.log" tests/artifacts/server.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# an empty data folder: the server migrates and loads the demo data, then answers /api/health
for _ in $(seq 1 120); do
  curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$BASE_URL/api/health" >/dev/null || { echo "the server did not start"; cat "$WORK/server.log"; exit 1; }

npx jest --config tests/e2e/jest.config.js --runInBand "$@"
