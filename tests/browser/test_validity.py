"""The Nu Html Checker (vnu.jar) over every page of both built sites, in one run (Java is slow to start)."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.browser


def test_every_page_is_valid_html(vnu_jar, sample, fixture_site) -> None:
    run = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar),
            "--errors-only",
            "--skip-non-html",
            str(sample.root),
            str(fixture_site.root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stderr + run.stdout == ""
    assert run.returncode == 0


def test_the_checker_reports_an_invalid_page(vnu_jar, tmp_path) -> None:
    (tmp_path / "bad.html").write_text(
        "<!DOCTYPE html><html lang=nb><title>x</title><p><div></p>", encoding="utf-8"
    )
    run = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", str(tmp_path)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "error:" in run.stderr
