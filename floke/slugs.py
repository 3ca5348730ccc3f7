"""Slugs: the URL-safe ids of records, made from titles and file names."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Norwegian letters are spelt out the way Norwegian public URLs do it (Lillestrøm -> lillestrom).
_SPELLED_OUT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ł": "l"})


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens; '' when nothing usable is left."""
    lowered = text.lower().translate(_SPELLED_OUT)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))


def unique(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 ... if taken; the result is added to taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
