"""The broken-input corpus: every case is built over a good site and must leave that site alone.

The cases here add to tests/test_errors.py's table; both tables run through the same check: exit
status 1, exactly the expected `file:line: error: message` lines (every error in one run), no
traceback, "nothing was written", and the previous site/ byte for byte as it was. Inputs too big
or too odd to commit (a 50 MB file, links out of content/, a named pipe) are made by the tests.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_AGENCIES, MINIMAL_PROJECT, tree_bytes, write_files
from tests.test_errors import CASES as MESSAGE_CASES

P = "content/projects/p.md"
N = "content/news/n.md"
G = "content/pages/g.md"
A = "content/agencies.yaml"
S = "content/site.yaml"
# When agencies.yaml cannot be read at all, the good project's agencies are unknown too.
AGENCIES_LOST = [
    f'content/projects/et-prosjekt.md:3: error: unknown agency "{agency}" '
    "(agencies are listed in content/agencies.yaml)"
    for agency in ("alpha", "beta")
]
HEAD = "---\ntitle: X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\n"  # a valid project, lines 1-5

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    # --- files and YAML syntax ---
    "bad indentation": (
        {P: "---\ntitle: X\nagencies: [alpha]\n  problem: p\nphase: diagnosis\n---\n"},
        [f'{P}:4: error: invalid YAML: the indentation is inconsistent; align keys at the '
         'same level'],
    ),
    "unclosed list": (
        {P: "---\ntitle: X\nagencies: [alpha, beta\nproblem: p\nphase: diagnosis\n---\n"},
        [f'{P}:3: error: invalid YAML: a list started with [ is not closed; add the closing ]'],
    ),
    "missing colon": (
        {P: "---\ntitle X\nagencies: [alpha]\nproblem: p\nphase: diagnosis\n---\n"},
        [f'{P}:2: error: invalid YAML: this line is not `key: value`; add a colon and a '
         'space after the key, e.g. title: X'],
    ),
    "front matter is a list": (
        {P: "---\n- title\n- X\n---\n"},
        [f'{P}:2: error: the front matter must be fields written as `key: value` lines'],
    ),
    "front matter is empty": (
        {P: "---\n---\nOnly a body.\n"},
        [f'{P}:2: error: the front matter must be fields written as `key: value` lines'],
    ),
    "BOM and CRLF keep line numbers": (
        {P: ("\ufeff" + HEAD + "status: complete\n---\n").replace("\n", "\r\n").encode()},
        [f'{P}:6: error: "status" must be one of planned, ongoing, completed, stopped, not '
         '"complete" (did you mean "completed"?)'],
    ),
    "non-UTF-8 byte in the body": (
        {P: (HEAD + "---\nFirst line.\n").encode() + b"Bl\xe5b\xe6r\n"},
        [f'{P}:8: error: the file is not UTF-8 text (byte 0xe5 cannot be read); save it with '
         'UTF-8 encoding'],
    ),
    "UTF-16 file": (
        {P: HEAD.encode("utf-16")},
        [f'{P}:1: error: the file is not UTF-8 text (byte 0xff cannot be read); save it with '
         'UTF-8 encoding'],
    ),
    "a folder named like a record": (
        {"content/projects/folder.md/keep.txt": "x"},
        ['content/projects/folder.md:1: error: not a regular file'],
    ),
    "file name that makes no address": (
        {"content/projects/!!!.md": MINIMAL_PROJECT},
        ['content/projects/!!!.md:1: error: cannot make an address from the file name "!!!"; '
         "add a field slug: with lower-case letters, digits and hyphens"],
    ),
    "agencies file is a list": (
        {A: "- alpha\n- beta\n"},
        [f'{A}:1: error: the file must be a set of `key: value` entries', *AGENCIES_LOST],
    ),
    "two YAML documents in agencies.yaml": (
        {A: MINIMAL_AGENCIES + "---\ngamma:\n  name: G\n"},
        [f"{A}:8: error: invalid YAML: expected a single document in the stream but found "
         "another document", *AGENCIES_LOST],
    ),
    "key given twice in agencies.yaml": (
        {A: MINIMAL_AGENCIES + "alpha:\n  name: Again\n"},
        [f'{A}:8: error: the key "alpha" is given twice (first on line 1); keep one', *AGENCIES_LOST],
    ),
    # --- hostile YAML ---
    "python object tag": (
        {P: '---\ntitle: !!python/object/apply:os.system ["touch pwned"]\nagencies: [alpha]\n---\n'},
        [f'{P}:2: error: the YAML tag !!python/object/apply:os.system is not allowed; write '
         'plain text, numbers, lists and `key: value` fields'],
    ),
    "custom tag": (
        {P: HEAD + "summary: !include secrets.txt\n---\n"},
        [f'{P}:6: error: the YAML tag !include is not allowed; write plain text, numbers, '
         'lists and `key: value` fields'],
    ),
    "binary tag": (
        {P: HEAD + "summary: !!binary aGVsbG8=\n---\n"},
        [f'{P}:6: error: the YAML tag !!binary is not allowed; write plain text, numbers, '
         'lists and `key: value` fields'],
    ),
    "deep nesting": (
        {P: HEAD + "extra: " + "[" * 5000 + "]" * 5000 + "\n---\n"},
        [f'{P}:6: error: the values are nested more than 32 levels deep; flatten them'],
    ),
    "number key": (
        {P: HEAD + "1: one\n---\n"},
        [f'{P}:6: error: the key 1 is not read as text; put it in quotes: "1":'],
    ),
    "list as key": (
        {P: HEAD + "? [a, b]\n: c\n---\n"},
        [f'{P}:6: error: a key must be a name, not a list or a set of fields'],
    ),
    "number Python cannot build": (
        {P: HEAD + "funding_nok: 0x_\n---\n"},
        [f'{P}:6: error: "0x_" is not a number; put it in quotes if it is text'],
    ),
    "not a number": (
        {S: "language_share_threshold: .nan\n"},
        [f'{S}:1: error: "language_share_threshold" must be a finite number, not nan'],
    ),
    "control character written as an escape": (
        {P: HEAD + 'summary: "a\\x01b"\n---\n'},
        [f'{P}:6: error: "summary" contains the control character U+0001, which cannot be '
         'shown on a page; remove it'],
    ),
    "lone surrogate written as an escape": (
        {P: HEAD + 'summary: "a\\ud800b"\n---\n'},
        [f'{P}:6: error: "summary" contains the control character U+D800, which cannot be '
         'shown on a page; remove it'],
    ),
    "control character in the front matter": (
        {P: HEAD + "summary: a\x07b\n---\n"},
        [f'{P}:6: error: the text contains the control character U+0007, which cannot be '
         'shown on a page; remove it'],
    ),
    "control character in the body": (
        {P: HEAD + "---\nFirst line.\nA bell \x07 here.\n"},
        [f'{P}:8: error: the text contains the control character U+0007, which cannot be '
         'shown on a page; remove it'],
    ),
    # --- a wrong type in every typed field ---
    "wrong type in every project field": (
        {P: "---\ntitle: 12\nagencies: alpha\nproblem: [p]\nphase: 3\nsummary: {a: 1}\nlang: 1\n"
            "status: true\nstarted: 2018.5\nended: [2019]\nthemes: theme\nlearnings: lesson\n"
            'vendors: vendor\nfunding_nok: "100"\nround: 2018\nsources: https://example.org\nslug: 7\n'
            'draft: "yes"\ntranslation_of: false\nextra: text\n---\n'},
        [f'{P}:2: error: "title" must be text, not 12; put it in quotes: "12"',
         f'{P}:3: error: "agencies" must be a list, not "alpha"',
         f'{P}:4: error: "problem" must be text, not a list',
         f'{P}:5: error: "phase" must be text, not 3; put it in quotes: "3"',
         f'{P}:6: error: "summary" must be text, not a set of fields',
         f'{P}:7: error: "lang" must be one of nb, nn, en, not 1',
         f'{P}:8: error: "status" must be one of planned, ongoing, completed, stopped, not '
         'true',
         f'{P}:9: error: "started" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '
         '2018.5',
         f'{P}:10: error: "ended" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not a '
         'list',
         f'{P}:11: error: "themes" must be a list, not "theme"',
         f'{P}:12: error: "learnings" must be a list, not "lesson"',
         f'{P}:13: error: "vendors" must be a list, not "vendor"',
         f'{P}:14: error: "funding_nok" must be a whole number, not "100"',
         f'{P}:15: error: "round" must be text, not 2018; put it in quotes: "2018"',
         f'{P}:16: error: "sources" must be a list, not "https://example.org"',
         f'{P}:17: error: "slug" must be text, not 7; put it in quotes: "7"',
         f'{P}:18: error: "draft" must be true or false, not "yes"',
         f'{P}:19: error: "translation_of" must be text, not false; put it in quotes: "false"',
         f'{P}:20: error: "extra" must be a set of `key: value` fields, not "text"'],
    ),
    "wrong type in every learning field": (
        {P: HEAD + "learnings:\n  - title: 1\n    text: [t]\n    themes: data\n    phase: 2\n"
            "  - just text\n---\n"},
        [f'{P}:7: error: "learnings[1].title" must be text, not 1; put it in quotes: "1"',
         f'{P}:8: error: "learnings[1].text" must be text, not a list',
         f'{P}:9: error: "learnings[1].themes" must be a list, not "data"',
         f'{P}:10: error: "learnings[1].phase" must be text, not 2; put it in quotes: "2"',
         f'{P}:11: error: "learnings[2]" must be a set of `key: value` fields, not "just '
         'text"'],
    ),
    "wrong type in every news field": (
        {N: "---\ntitle: [N]\ndate: 20200101\nlang: 1\nsummary: 2\nprojects: et-prosjekt\ndraft: 0\n"
            "sources: https://example.org\nslug: 3\ntranslation_of: [x]\n---\n"},
        [f'{N}:2: error: "title" must be text, not a list',
         f'{N}:3: error: "date" must be a date written YYYY-MM-DD, not 20200101',
         f'{N}:4: error: "lang" must be one of nb, nn, en, not 1',
         f'{N}:5: error: "summary" must be text, not 2; put it in quotes: "2"',
         f'{N}:6: error: "projects" must be a list, not "et-prosjekt"',
         f'{N}:7: error: "draft" must be true or false, not 0',
         f'{N}:8: error: "sources" must be a list, not "https://example.org"',
         f'{N}:9: error: "slug" must be text, not 3; put it in quotes: "3"',
         f'{N}:10: error: "translation_of" must be text, not a list'],
    ),
    "wrong type in every page field": (
        {G: "---\ntitle: 1\nlang: [nb]\nsummary: false\nslug: 2\ntranslation_of: 3\ndraft: nei\n---\n"},
        [f'{G}:2: error: "title" must be text, not 1; put it in quotes: "1"',
         f'{G}:3: error: "lang" must be one of nb, nn, en, not a list',
         f'{G}:4: error: "summary" must be text, not false; put it in quotes: "false"',
         f'{G}:5: error: "slug" must be text, not 2; put it in quotes: "2"',
         f'{G}:6: error: "translation_of" must be text, not 3; put it in quotes: "3"',
         f'{G}:7: error: "draft" must be true or false, not "nei"'],
    ),
    "wrong type in every agency field": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: 1\n  short: [G]\n  kind: 3\n  orgnr: [1]\n  aliases: G\n"
            "  valid_from: 2020\n  valid_to: true\n  replaced_by: 1\n  url: 2\n"},
        [f'{A}:9: error: "gamma.name" must be text, not 1; put it in quotes: "1"',
         f'{A}:10: error: "gamma.short" must be text, not a list',
         f'{A}:11: error: "gamma.kind" must be one of state, municipality, county, health, '
         'other, not 3',
         f'{A}:12: error: "gamma.orgnr" must be nine digits, not a list',
         f'{A}:13: error: "gamma.aliases" must be a list, not "G"',
         f'{A}:14: error: "gamma.valid_from" must be a date written YYYY-MM-DD, not 2020',
         f'{A}:15: error: "gamma.valid_to" must be a date written YYYY-MM-DD, not true',
         f'{A}:16: error: "gamma.replaced_by" must be text, not 1; put it in quotes: "1"',
         f'{A}:17: error: "gamma.url" must be a full web address starting with https://, not '
         '2'],
    ),
    "agency that is not a set of fields": (
        {A: MINIMAL_AGENCIES + "gamma: Gamma kommune\n"},
        [f'{A}:8: error: "gamma" must be a set of `key: value` fields, not "Gamma kommune"'],
    ),
    "wrong type in every site field": (
        {S: "title: 1\ndescription: [d]\nbase_url: 2\ndefault_lang: 3\nlanguages: nb\nphases: p\nthemes: t\n"
            'language_share_threshold: "25"\nlicence: 4\npublisher_orgnr: 974760673\nextra: e\n'},
        [f'{S}:1: error: "title" must be text, not 1; put it in quotes: "1"',
         f'{S}:2: error: "description" must be text, not a list',
         f'{S}:3: error: "base_url" must be a full web address starting with https://, not 2',
         f'{S}:4: error: "default_lang" must be one of nb, nn, en, not 3',
         f'{S}:5: error: "languages" must be a list, not "nb"',
         f'{S}:6: error: "phases" must be a list, not "p"',
         f'{S}:7: error: "themes" must be a list, not "t"',
         f'{S}:8: error: "language_share_threshold" must be a number, not "25"',
         f'{S}:9: error: "licence" must be a full web address starting with https://, not 4',
         f'{S}:10: error: "publisher_orgnr" must be text, not 974760673; put it in quotes: '
         '"974760673"',
         f'{S}:11: error: "extra" must be a set of `key: value` fields, not "e"'],
    ),
    "wrong type inside phase and theme labels": (
        {S: "phases:\n  - id: one\n    label: One\nthemes:\n  - id: t\n    label: {nb: 1, se: T}\n"},
        [f'{S}:3: error: "phases[1].label" must be a set of `key: value` fields, not "One"',
         f'{S}:6: error: unknown field "se" in themes[1].label; valid fields are: en, nb, nn',
         f'{S}:6: error: "themes[1].label.nb" must be text, not 1; put it in quotes: "1"'],
    ),
    # --- values ---
    "empty and negative values": (
        {P: '---\ntitle: ""\nagencies: []\nproblem:\nphase: diagnosis\nfunding_nok: -5\n---\n'},
        [f'{P}:2: error: "title" must not be empty',
         f'{P}:3: error: "agencies" must list at least 1 item(s)',
         f'{P}:4: error: "problem" must be text, not empty',
         f'{P}:6: error: "funding_nok" must be at least 0, not -5'],
    ),
    "unknown agency field": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  website: https://example.org\n"},
        [f'{A}:10: error: unknown field "website" in gamma; valid fields are: aliases, kind, '
         'name, orgnr, replaced_by, short, url, valid_from, valid_to'],
    ),
    "agency missing its name": (
        {A: MINIMAL_AGENCIES + "gamma:\n  short: G\n"},
        [f'{A}:8: error: missing required field "name" in gamma'],
    ),
    "agency id that is not an id": (
        {A: MINIMAL_AGENCIES + "Gamma kommune:\n  name: G\n"},
        [f'{A}:8: error: "Gamma kommune" is not a valid id; an id uses only lower-case '
         'letters a-z, digits and single hyphens, e.g. "nav-lillestrom"'],
    ),
    "orgnr not nine digits": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  orgnr: 12345\n"},
        [f'{A}:10: error: "gamma.orgnr" must be nine digits, not "12345"'],
    ),
    "agency dates that do not exist or run backwards": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  valid_from: 2021-02-29\ndelta:\n  name: D\n"
            "  valid_from: 2020-01-01\n  valid_to: 2019-12-31\n"},
        [f'{A}:10: error: "gamma.valid_from" is not a date that exists: 2021-02-29',
         f'{A}:14: error: "delta.valid_to" (2019-12-31) is before "valid_from" (2020-01-01)'],
    ),
    "news date that does not exist": (
        {N: "---\ntitle: N\ndate: 2021-02-30\n---\n"},
        [f'{N}:3: error: "date" is not a date that exists: 2021-02-30'],
    ),
    "news date in the wrong form": (
        {N: "---\ntitle: N\ndate: 30.01.2021\n---\n"},
        [f'{N}:3: error: "date" must be a date written YYYY-MM-DD, not "30.01.2021"'],
    ),
    "script and data addresses": (
        {P: HEAD + "sources:\n  - javascript:alert(1)\n  - data:text/html,<script>alert(1)</script>\n---\n",
         A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  url: javascript:alert(1)\n",
         S: "base_url: javascript:alert(1)//\n"},
        [f'{A}:10: error: "gamma.url" must be a full web address starting with https://, not '
         '"javascript:alert(1)"',
         f'{P}:7: error: "sources[1]" must be a full web address starting with https://, not '
         '"javascript:alert(1)"',
         f'{P}:8: error: "sources[2]" must be a full web address starting with https://, not '
         '"data:text/html,<script>alert(1)</script>"',
         f'{S}:1: error: "base_url" must be a full web address starting with https://, not '
         '"javascript:alert(1)//"'],
    ),
    # --- ids and slugs ---
    "slug with a slash": (
        {P: HEAD + "slug: a/b\n---\n"},
        [f'{P}:6: error: "slug" is "a/b"; an id uses only lower-case letters a-z, digits and '
         'single hyphens, e.g. "nav-lillestrom"'],
    ),
    "slug with characters unsafe in URLs": (
        {P: HEAD + 'slug: "hei på deg?x=1#y"\n---\n'},
        [f'{P}:6: error: "slug" is "hei på deg?x=1#y"; an id uses only lower-case letters '
         'a-z, digits and single hyphens, e.g. "nav-lillestrom"'],
    ),
    "slug in upper case": (
        {P: HEAD + "slug: Nav\n---\n"},
        [f'{P}:6: error: "slug" is "Nav"; an id uses only lower-case letters a-z, digits and '
         'single hyphens, e.g. "nav-lillestrom"'],
    ),
    "slug taken by another file": (
        {P: HEAD + "slug: et-prosjekt\n---\n"},
        [f'{P}:6: error: the project slug "et-prosjekt" is already used by '
         'content/projects/et-prosjekt.md; rename the file or set a different slug:'],
    ),
    "page slugs that differ by case": (
        {"content/pages/Om.md": "---\ntitle: Om\n---\n", "content/pages/om.md": "---\ntitle: om\n---\n"},
        ['content/pages/om.md:1: error: the page slug "om" is already used by content/pages/Om.md; rename '
         'the file or set a different slug:'],
    ),
    "page slug taken by the site": (
        {"content/pages/projects.md": "---\ntitle: Prosjekter\n---\n"},
        ['content/pages/projects.md:1: error: the page slug "projects" is taken by the site itself; choose '
         'another name'],
    ),
    # --- references ---
    "unknown theme": (
        {S: "themes:\n  - id: digital\n    label: {nb: Digital}\n", P: HEAD + "themes: [digitl]\n---\n"},
        [f'{P}:6: error: unknown theme "digitl" (did you mean "digital"?); themes are '
         'declared in site.yaml: digital'],
    ),
    "unknown phase in a learning": (
        {P: HEAD + "learnings:\n  - title: L\n    text: T\n    phase: diagnos\n---\n"},
        [f'{P}:9: error: unknown phase "diagnos" (did you mean "diagnosis"?); phases are: '
         'diagnosis, explore-define, develop-deliver, implementation'],
    ),
    "news about an unknown project": (
        {N: "---\ntitle: N\ndate: 2020-01-01\nprojects: [et-prosjek]\n---\n"},
        [f'{N}:4: error: unknown project "et-prosjek" (did you mean "et-prosjekt"?)'],
    ),
    "unknown successor agency": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  replaced_by: alfa\n"},
        [f'{A}:10: error: "gamma.replaced_by" names unknown agency "alfa" (did you mean '
         '"alpha"?)'],
    ),
    "agency replaced by itself": (
        {A: MINIMAL_AGENCIES + "gamma:\n  name: G\n  replaced_by: gamma\n"},
        [f'{A}:10: error: replaced_by makes a cycle: gamma -> gamma; an agency cannot be '
         'replaced by itself, directly or through others'],
    ),
    "cross-reference of an unknown kind": (
        {P: HEAD + "---\nSee [[prosjekt:et-prosjekt]].\n"},
        [f'{P}:7: error: unknown link kind "prosjekt" in [[prosjekt:et-prosjekt]] (did you '
         'mean "project"?); use one of project, agency, theme, phase, news, page'],
    ),
    "broken cross-reference in a lesson": (
        {P: HEAD + "learnings:\n  - title: L\n    text: |\n      First.\n      See [[agency:gama]].\n---\n"},
        [f'{P}:10: error: unknown agency "gama" in [[agency:gama]] (agencies are listed in '
         'content/agencies.yaml)'],
    ),
    "cross-reference to a post in the future": (
        {"content/news/later.md": "---\ntitle: Later\ndate: 2999-01-01\n---\n",
         P: HEAD + "---\nSee [[news:later]].\n"},
        [f'{P}:7: error: [[news:later]] links to an unpublished record: the news post '
         '"later" is dated 2999-01-01, in the future; it is not published yet'],
    ),
    "translation of an unknown record": (
        {P: HEAD + "lang: en\ntranslation_of: et-prosjek\n---\n"},
        [f'{P}:7: error: unknown project "et-prosjek" (did you mean "et-prosjekt"?)'],
    ),
    "language the site does not use": (
        {S: "languages: [nb]\n", P: HEAD + "lang: en\n---\n"},
        [f'{P}:6: error: "lang" is "en", but site.yaml allows only nb'],
    ),
    "default language not among the languages": (
        {S: "languages: [nb, nn]\ndefault_lang: en\n"},
        ['content/projects/et-prosjekt.md:1: error: "lang" is "en", but site.yaml allows only nb, nn',
         f'{S}:2: error: "default_lang" is "en", which is not in "languages" (nb, nn)'],
    ),
    "phase listed twice": (
        {S: "phases:\n  - id: one\n    label: {nb: En}\n  - id: one\n    label: {nb: To}\n"},
        ['content/projects/et-prosjekt.md:6: error: unknown phase "diagnosis"; phases are: one',
         f'{S}:4: error: phases lists the id "one" twice; ids must be unique'],
    ),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder and the site built from it, once; each case works on a copy."""
    from floke.cli import main

    root = tmp_path_factory.mktemp("good")
    write_files(root, {A: MINIMAL_AGENCIES, "content/projects/et-prosjekt.md": MINIMAL_PROJECT})
    assert main(["build", "--content", str(root / "content"), "--output", str(root / "site")]) == 0
    return root


@pytest.fixture
def built(good_site: Path, site_dir: Path) -> dict[str, bytes]:
    """The good site copied into the working folder; returns its files."""
    shutil.copytree(good_site, site_dir, dirs_exist_ok=True, symlinks=True)
    return tree_bytes(site_dir / "site")


def assert_refused(floke, site_dir: Path, before: dict[str, bytes], expected: list[str]) -> None:
    run = floke("build")
    errors = [line for line in run.err.splitlines() if ": error: " in line]
    assert errors == expected
    assert run.code == 1
    assert "Traceback" not in run.err
    count = len(expected)
    assert run.err.splitlines()[-1] == f"floke: {count} error{'s' if count != 1 else ''}; nothing was written"
    assert tree_bytes(site_dir / "site") == before


ALL_CASES = {**MESSAGE_CASES, **CASES}


@pytest.mark.parametrize("name", sorted(ALL_CASES))
def test_broken_input_leaves_the_site(built: dict[str, bytes], site_dir: Path, floke, name: str) -> None:
    files, expected = ALL_CASES[name]
    write_files(site_dir, files)
    assert_refused(floke, site_dir, built, expected)


def test_corpus_size() -> None:
    assert len(ALL_CASES) >= 40


def test_python_tag_runs_nothing(built: dict[str, bytes], site_dir: Path, floke) -> None:
    write_files(site_dir, {P: CASES["python object tag"][0][P]})
    floke("build")
    assert not (site_dir / "pwned").exists()


def test_file_of_50_mb(built: dict[str, bytes], site_dir: Path, floke) -> None:
    with open(site_dir / P, "wb") as handle:
        handle.write(HEAD.encode() + b"---\n")
        handle.truncate(50_000_000)
    assert_refused(floke, site_dir, built, [
        f"{P}:1: error: the file is 50.0 MB; a content file may be at most 1 MB"])


def test_links_out_of_content(built: dict[str, bytes], site_dir: Path, floke, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    write_files(outside, {"secret.md": MINIMAL_PROJECT, "agencies.yaml": MINIMAL_AGENCIES})
    (site_dir / P).symlink_to(outside / "secret.md")
    (site_dir / A).unlink()
    (site_dir / A).symlink_to(outside / "agencies.yaml")
    assert_refused(floke, site_dir, built, [
        f"{A}:1: error: the file links to {outside}/agencies.yaml, outside the content folder; "
        "copy the file in instead of linking to it",
        *AGENCIES_LOST,
        f"{P}:1: error: the file links to {outside}/secret.md, outside the content folder; "
        "copy the file in instead of linking to it",
    ])


def test_folder_linked_from_outside(built: dict[str, bytes], site_dir: Path, floke, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    write_files(outside, {"secret.md": "---\ntitle: Secret\n---\n"})
    (site_dir / "content/pages").symlink_to(outside, target_is_directory=True)
    assert_refused(floke, site_dir, built, [
        f"content/pages/secret.md:1: error: the file links to {outside}/secret.md, outside the content "
        "folder; copy the file in instead of linking to it",
    ])


def test_link_inside_content_is_read(built: dict[str, bytes], site_dir: Path, floke) -> None:
    write_files(site_dir, {"content/shared/p.md": MINIMAL_PROJECT})
    (site_dir / P).symlink_to(site_dir / "content/shared/p.md")
    run = floke("build")
    assert run.code == 0, run.err
    assert (site_dir / "site/projects/p/index.html").is_file()


def test_named_pipe_is_not_read(built: dict[str, bytes], site_dir: Path, floke) -> None:
    os.mkfifo(site_dir / P)  # reading it would block forever
    assert_refused(floke, site_dir, built, [f"{P}:1: error: not a regular file"])
