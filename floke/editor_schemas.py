"""`floke schema`: the record schemas for editors' tools, with this site's ids filled in.

The schemas in floke/schemas/ are the single source of truth; this copy adds what only the site
knows (its phase, theme and agency ids, its languages) as enums, so that an editor's YAML
extension can offer them for completion and flag a misspelt id as one types.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from floke.diagnostics import Report
from floke.load import load_content
from floke.model import LANGUAGES
from floke.schemas import SCHEMA_NAMES, load_schema
from floke.validate import validate_agencies, validate_site


def site_ids(content: Path) -> dict[str, list[str]]:
    """Phase, theme and agency ids and languages of a content folder (what can be read of it)."""
    loaded = load_content(content, Report())
    config = validate_site(loaded.site, Report())
    return {
        "phase": [p.id for p in config.phases],
        "theme": sorted(t.id for t in config.themes) if config.themes_declared else [],
        "agency": sorted(validate_agencies(loaded.agencies, Report())),
        "lang": [lang for lang in LANGUAGES if lang in config.languages],
    }


def editor_schemas(ids: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    """Every record schema, with enums for the ids the site defines."""
    schemas = {name: copy.deepcopy(load_schema(name)) for name in SCHEMA_NAMES}
    project = schemas["project"]["properties"]
    learning = project["learnings"]["items"]["properties"]
    _enum(project["phase"], ids["phase"])
    _enum(learning["phase"], ids["phase"])
    _enum(project["themes"]["items"], ids["theme"])
    _enum(learning["themes"]["items"], ids["theme"])
    _enum(project["agencies"]["items"], ids["agency"])
    for name in ("project", "news", "page"):
        _enum(schemas[name]["properties"]["lang"], ids["lang"])
    return schemas


def _enum(schema: dict[str, Any], values: list[str]) -> None:
    if values:
        schema.pop("$ref", None)
        schema["enum"] = list(values)


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(content: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in editor_schemas(site_ids(content)).items():
        path = out / f"{name}.schema.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written
