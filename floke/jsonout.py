"""JSON as floke writes it: readable, and safe to place inside an HTML page.

"<", ">" and "&" are written as \\u003c, \\u003e and \\u0026 (the same text to any JSON reader), so
no record's text can close a <script> element or open a comment when the JSON is inlined.
"""

from __future__ import annotations

import json
from typing import Any

_HTML_SIGNIFICANT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_text(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False).translate(_HTML_SIGNIFICANT)


def json_bytes(value: Any) -> bytes:
    """A JSON file: UTF-8, indented, ending in a newline."""
    return (json_text(value) + "\n").encode("utf-8")
