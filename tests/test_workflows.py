"""The GitHub workflows: valid against GitHub's schema, clean under zizmor, least privilege,
`pull_request` only, and running the same commands the README and DEVELOPING.md tell people to run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
CHECK, DEPLOY = WORKFLOWS / "check.yml", WORKFLOWS / "deploy.yml"
BIN = Path(sys.executable).parent
COMMAND = re.compile(r"(?:python3 -m venv|\.venv/bin/)\S*(?: [^&\n]*)?")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def run_steps(workflow: dict, job: str) -> list[str]:
    return [step["run"] for step in workflow["jobs"][job]["steps"] if "run" in step]


def commands(text: str) -> list[str]:
    """Commands of a shell text split at `&&` and newlines, without the annotation flag."""
    return [c.strip().replace(" --format github", "") for c in COMMAND.findall(text)]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: pip install -e '.[test]'")
    return found


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_workflow_matches_github_schema(path: Path) -> None:
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_high() -> None:
    result = subprocess.run([tool("zizmor"), "--offline", "--format", "json", str(WORKFLOWS)],
                            capture_output=True, text=True, cwd=ROOT)
    findings = json.loads(result.stdout)
    high = [(f["ident"], f["locations"][0]["concrete"]["feature"]) for f in findings
            if f["determinations"]["severity"] == "High" and not f["ignored"]]
    assert high == []


def test_pull_requests_run_with_a_read_only_token_and_no_secrets() -> None:
    check = load(CHECK)
    assert check["on"] == {"pull_request": None}
    assert check["permissions"] == {}
    for name, job in check["jobs"].items():
        assert job["permissions"] == {"contents": "read"}, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    for path in (CHECK, DEPLOY):
        assert "pull_request_target" not in load(path)["on"]
        code = re.sub(r"(?m)^\s*#.*$|\s#\s.*$", "", path.read_text(encoding="utf-8"))  # comments may name them
        assert "pull_request_target" not in code and "secrets." not in code


def test_deploy_publishes_main_with_the_least_permissions() -> None:
    deploy = load(DEPLOY)
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert deploy["permissions"] == {}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    uses = [s.get("uses", "").split("@")[0] for job in deploy["jobs"].values() for s in job["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses


def test_workflows_run_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    developing = (ROOT / "DEVELOPING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", developing, re.S)
    documented = commands(next(b for b in blocks if ".venv/bin/papernotes check" in b))
    assert documented == ["python3 -m venv .venv", ".venv/bin/pip install --require-hashes -r requirements.txt",
                          ".venv/bin/pip install --no-deps --no-build-isolation -e .", ".venv/bin/pip check",
                          ".venv/bin/papernotes check", ".venv/bin/mkdocs build --strict"]
    for workflow, job in ((load(CHECK), "check"), (load(DEPLOY), "build")):
        assert commands("\n".join(run_steps(workflow, job))) == documented
    assert any("--format github" in run for run in run_steps(load(CHECK), "check"))
    # The test job runs the README's test command.
    test_command = commands(next(b for b in re.findall(r"```bash\n(.*?)```", readme, re.S) if b.strip().endswith(".venv/bin/pytest")))
    assert commands("\n".join(run_steps(load(CHECK), "tests"))) == test_command


def test_outside_data_step_warns_about_code_changes(tmp_path: Path) -> None:
    """Run the workflow's own script on a two-commit repository."""
    script = next(s["run"] for s in load(CHECK)["jobs"]["check"]["steps"] if s.get("name") == "Flag changes outside data/")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.md").write_text("a\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=tmp_path, check=True)
    summary = tmp_path / "summary.md"

    def run_step() -> str:
        result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                                env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, result.stderr
        return result.stdout

    (tmp_path / "data" / "b.md").write_text("b\n")
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "data only"], cwd=tmp_path, check=True)
    assert run_step() == ""
    assert summary.read_text() == "This pull request only changes data/.\n"

    summary.unlink()
    (tmp_path / "data" / "c.md").write_text("c\n")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "x.py").write_text("x = 1\n")
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "code too"], cwd=tmp_path, check=True)
    assert run_step().splitlines() == [
        "::warning file=hooks/x.py,title=Outside data/::This pull request changes hooks/x.py, outside data/; "
        "it needs a maintainer's review."]
    assert "- `hooks/x.py`" in summary.read_text() and "data/c.md" not in summary.read_text()


def test_contributing_guide_names_only_real_commands_and_options() -> None:
    from papernotes.cli.main import build_parser

    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # argparse keeps subparsers here
    used = re.findall(r"papernotes ([a-z][a-z-]+)((?: [^\n`#]*)?)", guide)
    assert {name for name, _ in used} >= {"new", "check", "post", "import-post", "import-hf"}
    for name, rest in used:
        assert name in sub.choices, name
        options = {o for a in sub.choices[name]._actions for o in a.option_strings}
        for option in re.findall(r"(--[a-z-]+)", rest):
            assert option in options, f"papernotes {name} has no {option}"
    # The walk-through exists in each language (the site's switch shows one).
    assert "## Step by step" in guide and "## 단계별 안내" in guide
