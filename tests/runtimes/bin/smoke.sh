#!/usr/bin/env bash
# The `slack-scim` bin of the npm package, as a user gets it: the packed tarball installed into a
# new Node project, then `npx slack-scim --help` and an export against a simulator process, on
# Node and on Bun.
#
# Usage: tests/runtimes/bin/smoke.sh TARBALL BUN   (run by scripts/runtime_smoke.sh bin)
set -uo pipefail
tarball=$1
bun=$2
root=$PWD
project=$(mktemp -d)
sim_pid=
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
  rm -rf "$project"
}
trap cleanup EXIT
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }

(cd "$project" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$tarball" >/dev/null) ||
  { echo "not ok - npm install $tarball"; exit 1; }

out=$(cd "$project" && npx --no-install slack-scim --help)
if [ $? -eq 0 ] && grep -q "Exit codes:" <<<"$out" && grep -q "slack-scim export users" <<<"$out"; then
  ok "npx slack-scim --help"
else
  not_ok "npx slack-scim --help: $out"
fi
version=$(cd "$project" && npx --no-install slack-scim --version)
[ "$version" = "$(node -p "require('$project/node_modules/@org/slack-scim/package.json').version")" ] &&
  ok "npx slack-scim --version ($version)" || not_ok "npx slack-scim --version: $version"

fifo=$project/sim.out
deno run --allow-net --allow-env "$root/scripts/simulator.ts" --port 0 --users 30 >"$fifo" 2>/dev/null &
sim_pid=$!
for _ in $(seq 100); do grep -q "^http" "$fifo" 2>/dev/null && break; sleep 0.1; done
base_url=$(grep -m1 "^http" "$fifo")
export SLACK_ORG_ADMIN_USER_TOKEN=xoxp-test SLACK_SCIM_BASE_URL=$base_url NO_COLOR=1

export_with() {
  local name=$1
  shift
  rm -f "$project/users.csv"
  if (cd "$project" && "$@" export users --out users.csv --page-size 7 --quiet) &&
    [ "$(wc -l <"$project/users.csv")" -eq 31 ] &&
    head -1 "$project/users.csv" | grep -q "^externalId,userName,email,"; then
    ok "$name: export users to CSV (30 rows and the sync header)"
  else
    not_ok "$name: export users"
  fi
}
export_with "node $(node --version)" npx --no-install slack-scim
export_with "bun $("$bun" --version)" "$bun" node_modules/@org/slack-scim/bin/slack-scim.mjs

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
