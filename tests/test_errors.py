"""Every content error an editor can make: exact message, file and line, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_AGENCIES, MINIMAL_PROJECT, write_files

P = "content/projects/p.md"
A = "content/agencies.yaml"

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "missing required fields": (
        {P: "---\ntitle: X\n---\n"},
        [f'{P}:1: error: missing required field "agencies"',
         f'{P}:1: error: missing required field "problem"',
         f'{P}:1: error: missing required field "phase"'],
    ),
    "unknown key with suggestion": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nsumary: s\n---\n"},
        [f'{P}:6: error: unknown field "sumary" (did you mean "summary"?); valid fields are: agencies, draft, '
         "ended, extra, funding_nok, lang, learnings, phase, problem, round, slug, sources, started, status, "
         "summary, themes, title, translation_of, vendors"],
    ),
    "wrong type": (
        {P: "---\ntitle: X\nagencies: alpha\nproblem: p\nphase: diagnosis\nfunding_nok: 12 000\n---\n"},
        [f'{P}:3: error: "agencies" must be a list, not "alpha"',
         f'{P}:6: error: "funding_nok" must be a whole number, not "12 000"'],
    ),
    "bad enum": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nstatus: complete\n---\n"},
        [f'{P}:6: error: "status" must be one of planned, ongoing, completed, stopped, not "complete" '
         '(did you mean "completed"?)'],
    ),
    "unknown phase": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnose\n---\n"},
        [f'{P}:5: error: unknown phase "diagnose" (did you mean "diagnosis"?); phases are: diagnosis, '
         "explore-define, develop-deliver, implementation"],
    ),
    "unknown agency": (
        {P: "---\ntitle: X\nagencies:\n  - alpha\n  - betta\nproblem: p\nphase: diagnosis\n---\n"},
        [f'{P}:5: error: unknown agency "betta" (did you mean "beta"?) '
         "(agencies are listed in content/agencies.yaml)"],
    ),
    "date that does not exist": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nstarted: 2021-02-30\n---\n"},
        [f'{P}:6: error: "started" is not a date that exists: 2021-02-30'],
    ),
    "date in the wrong form": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nstarted: juni 2018\n---\n"},
        [f'{P}:6: error: "started" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not "juni 2018"'],
    ),
    "end before start": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nstarted: 2019-03\nended: 2018\n---\n"},
        [f'{P}:7: error: "ended" (2018) is before "started" (2019-03)'],
    ),
    "learning without text": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nlearnings:\n  - title: L\n---\n"},
        [f'{P}:7: error: missing required field "text" in learnings[1]'],
    ),
    "front matter not closed": (
        {P: "---\ntitle: X\n"},
        [f"{P}:1: error: the front matter is not closed; add a line --- after the last field"],
    ),
    "no front matter": (
        {P: "# Just Markdown\n"},
        [f"{P}:1: error: the file does not start with front matter; its first line must be ---"],
    ),
    "empty file": (
        {P: ""},
        [f"{P}:1: error: the file is empty; a record starts with front matter between two --- lines"],
    ),
    "tab indentation": (
        {P: "---\ntitle: X\nagencies:\n\t- alpha\n---\n"},
        [f"{P}:4: error: invalid YAML: a tab character is used for indentation; indent with spaces"],
    ),
    "unclosed quote": (
        {P: '---\ntitle: "X\nphase: diagnosis\n---\n'},
        [f"{P}:2: error: invalid YAML: a quoted value is not closed; add the closing quote"],
    ),
    "key given twice": (
        {P: "---\ntitle: X\ntitle: Y\n---\n"},
        [f'{P}:3: error: the key "title" is given twice (first on line 2); keep one'],
    ),
    "yaml alias bomb": (
        {P: "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n"},
        [f"{P}:3: error: YAML aliases (*name) are not allowed; write the value out in full"],
    ),
    "not utf-8": (
        {P: b"---\ntitle: Bl\xe5b\xe6r\n---\n"},
        [f"{P}:2: error: the file is not UTF-8 text (byte 0xe5 cannot be read); save it with UTF-8 encoding"],
    ),
    "bad orgnr check digit": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: Gamma\n  orgnr: 991825828\n"},
        [f'{A}:10: error: "gamma.orgnr" 991825828 has a wrong check digit (modulus 11); '
         "check the number in Enhetsregisteret"],
    ),
    "replaced_by cycle": (
        {A: "alpha:\n  name: A\n  replaced_by: beta\nbeta:\n  name: B\n  replaced_by: alpha\n"},
        [f"{A}:3: error: replaced_by makes a cycle: alpha -> beta -> alpha; an agency cannot be replaced "
         "by itself, directly or through others"],
    ),
    "duplicate slug by case": (
        {"content/projects/Nav.md": MINIMAL_PROJECT, "content/projects/nav.md": MINIMAL_PROJECT},
        ['content/projects/nav.md:1: error: the project slug "nav" is already used by content/projects/Nav.md; '
         "rename the file or set a different slug:"],
    ),
    "unsafe slug": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\nslug: ../etc\n---\n"},
        [f'{P}:6: error: "slug" is "../etc"; an id uses only lower-case letters a-z, digits and single '
         'hyphens, e.g. "nav-lillestrom"'],
    ),
    "unknown cross-reference": (
        {P: "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\n---\nFirst line.\n\n"
            "See [[project:et-prosjek]].\n"},
        [f'{P}:9: error: unknown project "et-prosjek" in [[project:et-prosjek]] (did you mean "et-prosjekt"?)'],
    ),
    "news linking to a draft": (
        {"content/projects/d.md": MINIMAL_PROJECT.replace("phase: diagnosis", "phase: diagnosis\ndraft: true"),
         "content/news/n.md": "---\ntitle: N\ndate: 2020-01-01\nprojects: [d]\n---\n"},
        ['content/news/n.md:4: error: project "d" links to an unpublished record: the project "d" is a draft; '
         "publish it or remove the link"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_message(minimal: Path, floke, name: str) -> None:
    files, expected = CASES[name]
    write_files(minimal, files)
    run = floke("check")
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if ": error: " in line]
    assert lines == expected
    assert "Traceback" not in run.err


def test_all_errors_in_one_run(minimal: Path, floke) -> None:
    write_files(minimal, {
        "content/projects/a.md": "---\ntitle: A\n---\n",
        "content/projects/b.md": "---\ntitle: B\nagencies: [nobody]\nproblem: p\nphase: x\n---\n",
        "content/news/c.md": "---\ndate: 2020-13-01\n---\n",
    })
    run = floke("check")
    assert run.code == 1
    errors = [line for line in run.err.splitlines() if ": error: " in line]
    assert {line.split(":")[0] for line in errors} == {
        "content/projects/a.md", "content/projects/b.md", "content/news/c.md"}
    assert len(errors) == 7
    assert run.err.splitlines()[-1] == "floke: 7 errors; nothing was written"


def test_crlf_and_bom_are_read(minimal: Path, floke) -> None:
    text = "\ufeff" + MINIMAL_PROJECT.replace("\n", "\r\n")
    (minimal / "content/projects/et-prosjekt.md").write_bytes(text.encode("utf-8"))
    assert floke("check").code == 0


def test_file_name_with_spaces_and_letters(minimal: Path, floke) -> None:
    write_files(minimal, {"content/projects/Bærum og Øvre Å.md": MINIMAL_PROJECT})
    run = floke("build")
    assert run.code == 0, run.err
    assert (minimal / "site/projects/baerum-og-ovre-a/index.html").is_file()


def test_usage_error_exits_2(minimal: Path, floke) -> None:
    assert floke("build", "--no-such-flag").code == 2
