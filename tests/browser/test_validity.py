"""The Nu Html Checker (vnu.jar) over every page of both built sites, in one run (Java is slow to
start). A planted invalid page rides along to prove the checker is really looking."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.browser

PLANTED = "planted-invalid.html"


def test_every_page_is_valid_html(vnu_jar, sample, fixture_site, tmp_path) -> None:
    (tmp_path / PLANTED).write_text(
        "<!DOCTYPE html><html lang=nb><title>x</title><p><div></p>", encoding="utf-8"
    )
    run = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--skip-non-html"]
        + [str(folder) for folder in (sample.root, fixture_site.root, tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
    assert any(PLANTED in line for line in errors), "the checker did not report the planted page"
    assert [line for line in errors if PLANTED not in line] == []
