"""Safe YAML parsing that remembers the line of every key and refuses what is unsafe.

Dates stay strings (validate.py parses them, so that 2021-02-30 becomes a clear message instead
of a crash), anchors and aliases are refused (a "billion laughs" document can't expand), and a
key given twice is an error instead of silently keeping the last value. Only plain values are
built: explicit tags other than !!str, !!seq and !!map (so !!python/object, !!binary, !!set)
are refused, keys must be text, and nesting is capped so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from floke.cleantext import control_character_message
from floke.model import KeyPath

MAX_DEPTH = 32
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset({None, "!", f"{_CORE}str", f"{_CORE}seq", f"{_CORE}map"})


class YamlProblem(Exception):
    """A YAML text that cannot be used; line is 1-based within the text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _StrictComposer(yaml.composer.Composer):
    """Composes nodes without aliases, explicit tags or deep nesting."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, "YAML aliases (*name) are not allowed; write the value out in full")
        tag = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS:
            shown = tag.replace(_CORE, "!!", 1) if tag.startswith(_CORE) else tag
            raise YamlProblem(
                line,
                f"the YAML tag {shown} is not allowed; "
                "write plain text, numbers, lists and `key: value` fields",
            )
        if self.depth >= MAX_DEPTH:
            raise YamlProblem(line, f"the values are nested more than {MAX_DEPTH} levels deep; flatten them")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _StrictConstructor(yaml.constructor.SafeConstructor):
    def construct_number(self, node: yaml.ScalarNode) -> Any:
        """YAML 1.1 reads 0x_ as a number that Python cannot build: a message instead of a crash."""
        build = yaml.constructor.SafeConstructor.yaml_constructors[node.tag]
        try:
            return build(self, node)
        except ValueError:
            raise YamlProblem(
                node.start_mark.line + 1, f'"{node.value}" is not a number; put it in quotes if it is text'
            ) from None


for _tag in ("int", "float"):
    _StrictConstructor.add_constructor(f"{_CORE}{_tag}", _StrictConstructor.construct_number)


class _NoTimestamps(yaml.resolver.Resolver):
    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


class _StrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _StrictComposer,
    _StrictConstructor,
    _NoTimestamps,
):
    """The reference loader, pure Python: its messages and marks are the ones editors see."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        _NoTimestamps.__init__(self)


_LOADERS: tuple[type, ...] = (_StrictLoader,)
if yaml.__with_libyaml__:

    class _FastLoader(_StrictComposer, yaml.cyaml.CParser, _StrictConstructor, _NoTimestamps):
        """libyaml's scanner and parser under the same composer and checks, several times faster.
        The composer comes before CParser so that the checked compose_node runs on libyaml's events."""

        def __init__(self, text: str) -> None:
            yaml.cyaml.CParser.__init__(self, text)
            _StrictComposer.__init__(self)
            _StrictConstructor.__init__(self)
            _NoTimestamps.__init__(self)

        def dispose(self) -> None:
            pass

    _LOADERS = (_FastLoader, _StrictLoader)


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    lines: dict[KeyPath, int]


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; lines are reported counting from first_line.

    The fast loader parses first; a text it finds anything wrong with is parsed again by the
    reference loader, so every message is the reference loader's."""
    if len(_LOADERS) > 1 and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return _parse(text, first_line, _LOADERS[0])
        except (YamlProblem, yaml.YAMLError, RecursionError):
            pass
    try:
        return _parse(text, first_line, _StrictLoader)
    except YamlProblem as problem:
        raise YamlProblem(problem.line + first_line - 1, problem.message) from None
    except yaml.MarkedYAMLError as exc:
        line, message = _explain(exc)
        raise YamlProblem(line + first_line, f"invalid YAML: {message}") from None
    except yaml.reader.ReaderError as exc:  # a control character in the text
        line = text.count("\n", 0, exc.position) + first_line
        raise YamlProblem(line, f"the text {control_character_message(chr(exc.character))}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"invalid YAML: {exc}") from None


def _parse(text: str, first_line: int, loader_class: type) -> ParsedYaml:
    loader = loader_class(text)  # reads the whole text at once: control characters fail here
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, {})
        lines: dict[KeyPath, int] = {}
        _record_lines(node, (), first_line - 1, lines)
        return ParsedYaml(loader.construct_document(node), lines)
    finally:
        loader.dispose()


def _record_lines(node: yaml.Node, path: KeyPath, offset: int, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(line - offset, "a key must be a name, not a list or a set of fields")
            if key_node.tag != f"{_CORE}str":
                raise YamlProblem(
                    line - offset,
                    f'the key {key_node.value} is not read as text; put it in quotes: "{key_node.value}":',
                )
            key = key_node.value
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


_OPENED = {  # mistakes best shown where the value opens, not where the parser gave up
    "quoted": "a quoted value is not closed; add the closing quote",
    "flow sequence": "a list started with [ is not closed; add the closing ]",
    "flow mapping": "a set of fields started with { is not closed; add the closing }",
    "simple key": "this line is not `key: value`; add a colon and a space after the key, e.g. title: X",
}
_NO_COLON = _OPENED["simple key"]


def _explain(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The 0-based line to show and plain words for the YAML mistakes editors make most."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark else 0
    for opened, message in _OPENED.items():
        if opened in context and exc.context_mark is not None:
            return exc.context_mark.line, message
    if "'\\t'" in problem or "\\t" in problem:
        return line, "a tab character is used for indentation; indent with spaces"
    if "mapping values are not allowed" in problem:
        if mark and line > 0 and ":" not in _text_line(mark, line - 1):
            return line - 1, _NO_COLON
        return line, (
            "a value contains ': ' or the indentation is off; put the value in quotes, e.g. title: \"A: B\""
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return line, "the indentation is inconsistent; align keys at the same level"
    return line, f"{context} {problem}".strip()


def _text_line(mark: yaml.Mark, line: int) -> str:
    lines = (mark.buffer or "").split("\n")
    return lines[line] if line < len(lines) else ""
