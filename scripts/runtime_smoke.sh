#!/usr/bin/env bash
# Runtime smoke suites: builds the npm package, installs it into tests/runtimes/node_modules with
# `npm install` of the packed tarball, checks its types with Node's TypeScript, then
# runs the walkthrough on Node 20, Bun, workerd (Miniflare) and Deno (from source), and the
# `slack-scim` bin installed into a new project on Node and Bun.
#
# Usage: scripts/runtime_smoke.sh [types] [node] [bun] [workerd] [deno] [bin]   (default: all)
# Each suite prints "N passed, N failed"; this script's own last line counts suites, not tests
# (so a CI that adds up "passed" lines does not count anything twice). Exits 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export RUST_BACKTRACE=0 NO_COLOR=1 DENO_NO_UPDATE_CHECK=1

runtimes=tests/runtimes
bin=$runtimes/node_modules/.bin
suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(types node bun workerd deno bin)

# The pinned runtimes (exact versions in tests/runtimes/package-lock.json). Install scripts of
# bun and workerd are allowed in package.json "allowScripts" (npm 11 blocks unlisted ones).
if [ ! -f $runtimes/node_modules/.package-lock.json ] ||
  [ $runtimes/package-lock.json -nt $runtimes/node_modules/.package-lock.json ]; then
  echo "== npm ci --prefix $runtimes"
  npm ci --prefix $runtimes --no-audit --no-fund --loglevel=error || exit 1
fi

echo "== build the npm package"
deno run --allow-read --allow-write=build --allow-run --allow-env scripts/build_npm.ts >/dev/null ||
  exit 1
tarball=$(cd build && npm pack ./npm --silent) || exit 1
# `npm install` of the tarball, as a user installs it: its dependencies (openapi-fetch, whose types
# the API shares; its code is bundled in) come along. --no-save leaves package.json and the lock.
rm -rf $runtimes/node_modules/@org/slack-scim
npm install --prefix $runtimes --no-save --no-audit --no-fund --loglevel=error "$PWD/build/$tarball" ||
  exit 1
echo "installed build/$tarball into $runtimes/node_modules/@org/slack-scim"

ok=0
bad=0
failed_suites=()
run_suite() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    ok=$((ok + 1))
  else
    bad=$((bad + 1))
    failed_suites+=("$name")
  fi
}

typecheck() {
  $bin/tsc -p $runtimes/node && echo "no type errors"
}

for suite in "${suites[@]}"; do
  case $suite in
  types)
    run_suite "types: tsc $($bin/tsc --version | cut -d' ' -f2) on a Node consumer of the build" \
      typecheck
    ;;
  node) run_suite "node $(node --version)" node $runtimes/node/smoke.mjs ;;
  bun)
    # npm 11 may have skipped bun's postinstall; then the platform package has the binary.
    bun=$bin/bun
    $bun --version >/dev/null 2>&1 || bun=$runtimes/node_modules/@oven/bun-linux-x64/bin/bun
    run_suite "bun $($bun --version 2>/dev/null)" $bun $runtimes/bun/smoke.mjs
    ;;
  workerd) run_suite "$($bin/workerd --version 2>/dev/null) via miniflare" \
    node $runtimes/workerd/smoke.mjs ;;
  deno) run_suite "deno $(deno --version | head -1 | cut -d' ' -f2) from source" \
    deno run --config deno.json --allow-net=127.0.0.1 $runtimes/deno/smoke.ts ;;
  bin)
    bun=$bin/bun
    $bun --version >/dev/null 2>&1 || bun=$runtimes/node_modules/@oven/bun-linux-x64/bin/bun
    run_suite "slack-scim bin from the tarball (npx on node, bun)" \
      bash $runtimes/bin/smoke.sh "$PWD/build/$tarball" "$PWD/$bun"
    ;;
  *)
    echo "Unknown suite \"$suite\" (types, node, bun, workerd, deno, bin)"
    exit 2
    ;;
  esac
done

echo "runtime smoke: $ok of $((ok + bad)) suites ok${failed_suites[*]:+; failing: ${failed_suites[*]}}"
[ $bad -eq 0 ]
