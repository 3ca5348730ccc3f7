"""Turns jsonschema's findings into sentences an editor can act on."""

from __future__ import annotations

import re
from typing import Any

from jsonschema import ValidationError

from floke.diagnostics import did_you_mean, quoted_list

_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE_FIELDS = {"started", "ended"}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of `key: value` fields",
}


def field_name(path: tuple[Any, ...]) -> str:
    """learnings[2].title: list items counted from 1, as an editor counts them."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "a list"
    return "a set of fields"


def schema_error_messages(error: ValidationError) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, message) pairs for one jsonschema error; unknown keys give one pair each."""
    path = tuple(error.absolute_path)
    if error.schema_path and error.schema_path[0] == "propertyNames":  # a key that is not an id
        key = error.instance
        return [((*path, key), f"{describe_value(key)} is not a valid id; {_id_rule()}")]
    name = field_name(path)
    kind = error.validator
    if kind == "additionalProperties":
        return _unknown_keys(error, path)
    if kind == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        where = f" in {name}" if path else ""
        return [(path, f'missing required field "{key}"{where}') for key in missing]
    return [(path, _describe(error, kind, name))]


def _unknown_keys(error: ValidationError, path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    allowed = sorted(error.schema.get("properties", {}))
    where = f" in {field_name(path)}" if path else ""
    pairs = []
    for key in sorted(set(error.instance) - set(allowed), key=str):
        hint = did_you_mean(str(key), allowed)
        pairs.append(
            (
                (*path, key),
                f'unknown field "{key}"{where}{hint}; valid fields are: {quoted_list(allowed)}',
            )
        )
    return pairs


def _describe(error: ValidationError, kind: str, name: str) -> str:
    value = error.instance
    if kind == "type" and error.validator_value == "string" and isinstance(value, int | float):
        return _number_for_text(error, name, value)
    if kind == "type":
        wanted = error.validator_value
        wanted_words = " or ".join(_TYPE_WORDS[t] for t in ([wanted] if isinstance(wanted, str) else wanted))
        return f'"{name}" must be {wanted_words}, not {describe_value(value)}'
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        hint = did_you_mean(str(value), choices)
        return f'"{name}" must be one of {", ".join(choices)}, not {describe_value(value)}{hint}'
    if kind == "minLength":
        return f'"{name}" must not be empty'
    if kind == "minItems":
        return f'"{name}" must list at least {error.validator_value} item(s)'
    if kind == "minProperties":
        return f'"{name}" must give at least one language (nb, nn or en)'
    if kind == "uniqueItems":
        return f'"{name}" lists the same value twice; list each once'
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return f'"{name}" must be {bound} {error.validator_value}, not {describe_value(value)}'
    if kind == "anyOf" and name.split(".")[-1] in _DATE_FIELDS:
        return _date_format(name, value)
    if kind == "anyOf" and name.endswith("orgnr"):
        return f'"{name}" must be nine digits, not {describe_value(value)}'
    if kind == "anyOf":
        return f'"{name}" has the wrong form: {describe_value(value)}'
    if kind == "pattern":
        return _pattern_message(error.validator_value, name, value)
    if kind == "propertyNames":
        return f"{describe_value(value)} is not a valid id; {_id_rule()}"
    return f'"{name}": {error.message}'


def _number_for_text(error: ValidationError, name: str, value: float | bool) -> str:
    """YAML read the value as a number or true/false: say what the text should look like."""
    pattern = error.schema.get("pattern")
    if pattern and not re.match(pattern, describe_value(value)):
        return _pattern_message(pattern, name, value)
    return f'"{name}" must be text, not {describe_value(value)}; put it in quotes: "{describe_value(value)}"'


def _pattern_message(pattern: str, name: str, value: Any) -> str:
    if pattern == _ID_PATTERN:
        return f'"{name}" is {describe_value(value)}; {_id_rule()}'
    if "[0-9]{4}" in pattern and "(" in pattern:
        return _date_format(name, value)
    if "[0-9]{4}" in pattern:
        return f'"{name}" must be a date written YYYY-MM-DD, not {describe_value(value)}'
    if pattern.startswith("^https?://"):
        return f'"{name}" must be a full web address starting with https://, not {describe_value(value)}'
    if pattern == "^[0-9]{9}$":
        return f'"{name}" must be nine digits, not {describe_value(value)}'
    return f'"{name}" does not match {pattern}: {describe_value(value)}'


def _date_format(name: str, value: Any) -> str:
    return f'"{name}" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {describe_value(value)}'


def _id_rule() -> str:
    return 'an id uses only lower-case letters a-z, digits and single hyphens, e.g. "nav-lillestrom"'
