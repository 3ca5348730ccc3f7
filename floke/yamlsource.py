"""Safe YAML parsing that remembers the line of every key and refuses what is unsafe.

Dates stay strings (validate.py parses them, so that 2021-02-30 becomes a clear message instead
of a crash), anchors and aliases are refused (a "billion laughs" document can't expand), and a
key given twice is an error instead of silently keeping the last value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from floke.model import KeyPath


class YamlProblem(Exception):
    """A YAML text that cannot be used; line is 1-based within the text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without timestamps and without aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                event.start_mark.line + 1,
                "YAML aliases (*name) are not allowed; write the value out in full",
            )
        return super().compose_node(parent, index)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    lines: dict[KeyPath, int]


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; lines are reported counting from first_line."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, {})
        lines: dict[KeyPath, int] = {}
        _record_lines(node, (), first_line - 1, lines)
        return ParsedYaml(loader.construct_document(node), lines)
    except YamlProblem as problem:
        raise YamlProblem(problem.line + first_line - 1, problem.message) from None
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is best shown where it opens, not at the end of the file.
        unclosed = "quoted" in (exc.context or "") and exc.context_mark is not None
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        line = (mark.line + first_line) if mark else first_line
        raise YamlProblem(line, _explain(exc)) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        raise YamlProblem(first_line, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _record_lines(node: yaml.Node, path: KeyPath, offset: int, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                raise YamlProblem(
                    line - offset,
                    f'the key "{key}" is given twice (first on line {seen[key]}); keep one',
                )
            seen[key] = line
            lines[(*path, key)] = line
            _record_lines(value_node, (*path, key), offset, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            _record_lines(item, (*path, index), offset, lines)


def _explain(exc: yaml.MarkedYAMLError) -> str:
    """Plain words for the YAML mistakes editors make most."""
    problem = exc.problem or ""
    if "'\\t'" in problem or "\\t" in problem:
        return "invalid YAML: a tab character is used for indentation; indent with spaces"
    if "end of stream" in problem and "quoted" in (exc.context or ""):
        return "invalid YAML: a quoted value is not closed; add the closing quote"
    if "mapping values are not allowed" in problem:
        return (
            "invalid YAML: a value contains ': ' or the indentation is off; "
            'put the value in quotes, e.g. title: "A: B"'
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "invalid YAML: the indentation is inconsistent; align keys at the same level"
    context = f"{exc.context} " if exc.context else ""
    return f"invalid YAML: {context}{problem}".strip()
