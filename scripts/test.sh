#!/usr/bin/env bash
# Installs what the tests need (pnpm, dependencies, Debian's chromium, firefox-esr, WebKitGTK and
# python3-boto3) and runs every test: typecheck, lint (ESLint with type-aware typescript-eslint,
# eslint-plugin-lit and eslint-plugin-wc; lit-analyzer over the element's templates), formatting
# (Prettier), the bundle-size budget, unit and integration tests (vitest, Node; among them the
# protocol's OpenAPI document checked against the server, and the conformance kit run against
# @ferry/server, the Python example backend on boto3 and two deliberately broken fakes),
# the browser suites (@web/test-runner: core and element, each in Chromium, Firefox and WebKit),
# the Storybook build, and end-to-end tests (Playwright, Chromium: the demo, the React and Vue
# examples, every built story, and Uppy 6 against @ferry/server's Companion mode; the demo and Uppy
# again in Firefox and WebKit), all against the real local store (the core browser suite also runs
# Ferry against a real @uppy/companion);
# and what npm users get: the packed packages (publint, attw, scripts/package-check.mjs), unused
# files, exports and dependencies (knip), and the tarballs installed in a fresh Vite project
# outside the workspace, uploading through Chromium (scripts/consumer-test.mjs).
source "$(dirname "$0")/setup.sh"
ensure_browsers
ensure_python_boto3

logs=$(mktemp -d)
run() { # name, command...
  local name=$1
  shift
  echo "ferry: $name"
  "$@" 2>&1 | tee "$logs/$name.log"
}

run typecheck pnpm typecheck
run lint pnpm lint
run format pnpm format:check
run size node scripts/size-budget.mjs
run packages node scripts/package-check.mjs
run knip pnpm exec knip
run unit pnpm exec vitest run
engines=(chromium firefox webkit)
for engine in "${engines[@]}"; do
  run "core-$engine" env FERRY_BROWSER="$engine" pnpm --filter @ferry/core test
  run "element-$engine" env FERRY_BROWSER="$engine" pnpm --filter @ferry/element test
done
run storybook pnpm exec storybook build --quiet --output-dir storybook-static
run e2e pnpm exec playwright test
run e2e-engines pnpm exec vitest run --config vitest.engines.config.ts
run consumer node scripts/consumer-test.mjs

# One summary line for the three runners' counts (pipefail has already stopped us on a failure).
strip() { sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1"; }
unit=$(strip "$logs/unit.log" | sed -nE 's/^ *Tests +([0-9]+) passed.*/\1/p' | tail -1)
wtr() { strip "$logs/$1.log" | sed -nE 's/.*\| ([0-9]+) passed, [0-9]+ failed.*/\1/p' | tail -1; }
element=0
per_engine=()
for engine in "${engines[@]}"; do
  count=$(( $(wtr "core-$engine") + $(wtr "element-$engine") ))
  per_engine+=("$engine $count")
  element=$(( element + count ))
done
e2e=$(strip "$logs/e2e.log" | sed -nE 's/^ *([0-9]+) passed.*/\1/p' | tail -1)
engines_e2e=$(strip "$logs/e2e-engines.log" | sed -nE 's/^ *Tests +([0-9]+) passed.*/\1/p' | tail -1)
consumer=$(strip "$logs/consumer.log" | sed -nE 's/^consumer: ([0-9]+) checks passed.*/\1/p' | tail -1)
echo "ferry: vitest ${unit:-0}, web-test-runner ${element:-0} ($(IFS=,; echo "${per_engine[*]}" | sed 's/,/, /g')), playwright ${e2e:-0}, demo in firefox and webkit ${engines_e2e:-0}; packages (publint, attw, knip) clean, consumer project ${consumer:-0} checks"
echo "$(( ${unit:-0} + ${element:-0} + ${e2e:-0} + ${engines_e2e:-0} )) passed, 0 failed"
