"""Words and records per language, and the Bokmål and Nynorsk shares the Language Act asks about.

The Language Act (§ 13) asks central state bodies for at least 25 % of each written standard in
their public text. A share here is a language's part of the Norwegian words (Bokmål + Nynorsk);
English text is counted and shown, but it is not Norwegian text and is left out of the shares.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from floke.link import Catalogue
from floke.texts import RecordText, record_texts

NORWEGIAN = ("nb", "nn")
# Link targets, bare URLs and [[kind:id]] markers are not prose; the label of [[kind:id|label]] is.
_NOT_PROSE = re.compile(r"\]\([^)]*\)|<?https?://\S+|\[\[[^\]|]*\|?|\]\]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Tally:
    records: int = 0
    words: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.records + other.records, self.words + other.words)


@dataclass(frozen=True)
class LanguageStats:
    """Tallies per language, overall and per year (None: records without a year, such as pages)."""

    overall: Mapping[str, Tally]
    by_year: Mapping[int | None, Mapping[str, Tally]]

    def share(self, lang: str, year: int | None = None, of_year: bool = False) -> float | None:
        """Percentage of the Norwegian words written in lang; None when there are none."""
        tallies = self.by_year.get(year, {}) if of_year else self.overall
        total = sum(tallies.get(x, Tally()).words for x in NORWEGIAN)
        return 100 * tallies.get(lang, Tally()).words / total if total else None


@functools.lru_cache(maxsize=1 << 12)  # the preview counts the same texts on every rebuild
def count_words(text: str) -> int:
    return len(_WORD.findall(_NOT_PROSE.sub(" ", text)))


def language_stats(catalogue: Catalogue) -> LanguageStats:
    return tally(record_texts(catalogue))


def tally(records: Iterable[RecordText]) -> LanguageStats:
    overall: dict[str, Tally] = {}
    by_year: dict[int | None, dict[str, Tally]] = {}
    for record in records:
        one = Tally(1, count_words(record.words))
        overall[record.lang] = overall.get(record.lang, Tally()) + one
        year = by_year.setdefault(record.year, {})
        year[record.lang] = year.get(record.lang, Tally()) + one
    return LanguageStats(
        dict(sorted(overall.items())),
        {y: dict(sorted(t.items())) for y, t in sorted(by_year.items(), key=_undated_last)},
    )


def _undated_last(item: tuple[int | None, object]) -> tuple[bool, int]:
    return (item[0] is None, item[0] or 0)


def under_threshold(stats: LanguageStats, threshold: float) -> list[tuple[str, float]]:
    """The Norwegian standards whose share is under the threshold, with their share."""
    found = []
    for lang in NORWEGIAN:
        share = stats.share(lang)
        if share is not None and share < threshold:
            found.append((lang, share))
    return found


def format_shares(stats: LanguageStats) -> str:
    """One line for the build summary: 'nb 71.2 %, nn 28.8 % of 1234 Norwegian words'."""
    total = sum(stats.overall.get(x, Tally()).words for x in NORWEGIAN)
    if not total:
        return "no Norwegian text"
    shares = ", ".join(f"{lang} {stats.share(lang):.1f} %" for lang in NORWEGIAN)
    return f"{shares} of {total} Norwegian words"


def format_table(stats: LanguageStats) -> str:
    """`floke stats`: records and words per language, overall and per year, with the shares."""
    langs = sorted(stats.overall)
    header = f"{'year':<9}" + "".join(f"{lang + ' records':>12}{lang + ' words':>10}" for lang in langs)
    header += f"{'nb share':>10}{'nn share':>10}"
    rows = [header]
    for label, tallies, year, of_year in [
        *((str(y) if y is not None else "undated", t, y, True) for y, t in stats.by_year.items()),
        ("all", stats.overall, None, False),
    ]:
        row = f"{label:<9}"
        for lang in langs:
            t = tallies.get(lang, Tally())
            row += f"{t.records:>12}{t.words:>10}"
        for lang in NORWEGIAN:
            share = stats.share(lang, year, of_year)
            row += f"{'-' if share is None else f'{share:.1f} %':>10}"
        rows.append(row)
    return "\n".join(rows)
