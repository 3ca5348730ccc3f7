"""Property tests: whatever the front matter and Markdown, check and build end in a clear message.

Hypothesis writes records with random keys and values (every YAML type, any Unicode, control
and direction characters, deep nesting) and random Markdown; floke must exit 0 or 1 and, on 1,
print only `path:line: error: message` lines and its summary: never a traceback, never a hang.
HYPOTHESIS_PROFILE=thorough runs many more examples.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floke.cli import main
from tests.conftest import MINIMAL_AGENCIES, write_files

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

HANG_SECONDS = 60  # a case still running after this long is stuck, not slow
PROJECT_KEYS = ("title", "agencies", "problem", "phase", "summary", "lang", "status", "started", "ended",
                "themes", "learnings", "vendors", "funding_nok", "round", "sources", "slug", "draft",
                "translation_of", "extra")
NEWS_KEYS = ("title", "date", "lang", "summary", "projects", "draft", "sources", "slug", "translation_of")
MESSAGE = re.compile(r"^(.+:\d+: (error|warning): .+|floke: .+)$")

# Characters that have broken parsers and pages before: controls, direction marks, surrogates' kin.
ODD = st.sampled_from(["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\u2066",
                       "\ufeff", "\ufffe", "\uffff", "\U0001f600", "\u0301", "\t", "\r", "\r\n"])
TEXT = st.lists(st.text(max_size=8) | ODD, max_size=6).map("".join)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | TEXT
           | st.sampled_from(["alpha", "beta", "diagnosis", "2021-02-30", "2020", "nb", "https://example.org/"]))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
MARKDOWN_PIECES = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "    ", "* ", "1. ", "> ", "```", "`", "*", "_", "|", "---", "[x](", ")",
    "[[project:", "[[agency:alpha|", "[[news:n]]", "]]", "<script>", "</script>", "<a href='javascript:x'>",
    "<div>", "</div>", "&amp;", "&#0;", "<", ">", "[^1]", "*[HTML]: ", "<!--", "-->", "\\", "{{ x }}",
])
MARKDOWN = st.lists(MARKDOWN_PIECES | TEXT, max_size=30).map("".join)


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def front_matter(keys: tuple[str, ...]) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(keys) | TEXT, VALUES, max_size=8)


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=False)


@contextlib.contextmanager
def hang_guard() -> Iterator[None]:
    def stuck(signum, frame):
        raise TimeoutError(f"a case ran for more than {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_floke(root: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with hang_guard(), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--content", str(root / "content")])
    return code, err.getvalue()


def assert_clean_outcome(code: int, err: str) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err
    for line in err.splitlines():
        assert MESSAGE.match(line), line
    if code == 1:
        assert err.splitlines()[-1].startswith("floke: ")


def check_and_build(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_files(root, {"content/agencies.yaml": MINIMAL_AGENCIES, **files})
        code, err = run_floke(root, "check")
        assert_clean_outcome(code, err)
        if code == 0:  # a build of content that fails its check fails in that same check
            code, err = run_floke(root, "build", "--output", str(root / "site"))
            assert_clean_outcome(code, err)
            assert (root / "site").is_dir() == (code == 0)


@given(project=front_matter(PROJECT_KEYS), news=front_matter(NEWS_KEYS), body=MARKDOWN)
def test_generated_records(project: dict, news: dict, body: str) -> None:
    check_and_build({
        "content/projects/p.md": "---\n" + dump(project) + "---\n" + body,
        "content/news/n.md": "---\n" + dump(news) + "---\n" + body,
    })


@given(
    title=TEXT, problem=MARKDOWN, body=MARKDOWN,
    extra=VALUES, learnings=st.lists(st.fixed_dictionaries({"title": TEXT, "text": MARKDOWN}), max_size=3),
)
def test_generated_text_in_a_valid_project(title: str, problem: str, body: str, extra: object,
                                           learnings: list) -> None:
    """Mostly valid records, so that rendering and writing see the odd text too."""
    project = {"title": title or "T", "agencies": ["alpha"], "problem": problem or "P", "phase": "diagnosis",
               "extra": {"x": extra}, "learnings": learnings}
    check_and_build({"content/projects/p.md": "---\n" + dump(project) + "---\n" + body})


@given(front=st.lists(TEXT | st.sampled_from([": ", "- ", "  ", "\n", "[", "{", "&a ", "*a", "!!", "'", '"',
                                               "? ", "---", "...", "%YAML 1.1\n", deep(5)]), max_size=20)
       .map("".join), depth=st.integers(1, 300))
def test_generated_yaml_text(front: str, depth: int) -> None:
    """Front matter as raw text: broken YAML of every sort, and nesting far past the limit."""
    check_and_build({
        "content/projects/p.md": "---\n" + front + "\n---\nBody.\n",
        "content/projects/q.md": f"---\ntitle: {deep(depth)}\n---\n",
        "content/site.yaml": front,
    })


@given(data=st.binary(max_size=200))
def test_generated_bytes(data: bytes) -> None:
    check_and_build({"content/projects/p.md": b"---\n" + data + b"\n---\n" + data,
                     "content/agencies.yaml": data})
