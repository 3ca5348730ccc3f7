"""The JSON Schemas of floke's records: the single source of truth for their shape."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).parent
SCHEMA_NAMES = ("project", "news", "page", "agencies", "site")


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
