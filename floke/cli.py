"""The floke command: build, check. Exit 0 on success, 1 on content errors, 2 on usage errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from floke import editor_cli
from floke.diagnostics import ContentError, Report
from floke.index import SearchIndexError
from floke.langshare import LanguageStats, format_shares, format_table, language_stats
from floke.load import display_path
from floke.pipeline import BuildOptions, build, check
from floke.progress import Meter, wants_progress
from floke.render import DEFAULT_STATIC, DEFAULT_TEMPLATES, Theme
from floke.write import OutputError

COMMANDS = ("build", "check", "stats", *editor_cli.EDITOR_COMMANDS)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="floke",
        description="Build the programme's project catalogue from content/ into a static site.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the site (the default command)")
    _content_options(build_cmd)
    build_cmd.add_argument(
        "--output",
        type=Path,
        default=Path("site"),
        metavar="DIR",
        help="where the site is written (default: site)",
    )
    build_cmd.add_argument(
        "--templates", type=Path, metavar="DIR", help="templates that override the default theme's"
    )
    build_cmd.add_argument(
        "--static", type=Path, metavar="DIR", help="static files that override the default theme's"
    )
    build_cmd.add_argument(
        "--base-url",
        metavar="URL",
        help="where the site will be published, e.g. https://example.org/programme/",
    )
    build_cmd.add_argument("--drafts", action="store_true", help="include records marked draft: true")
    build_cmd.add_argument("--future", action="store_true", help="include news dated in the future")
    build_cmd.add_argument(  # issue 9: speed
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes for Markdown and pages (default: every core); the output is the same for any N",
    )
    build_cmd.add_argument("--timings", action="store_true", help="print how long each stage took")
    build_cmd.add_argument(
        "--no-cache", action="store_true", help="neither read nor write .floke-cache/ beside the content"
    )
    check_cmd = commands.add_parser("check", help="validate the content; write nothing")
    _content_options(check_cmd)
    stats_cmd = commands.add_parser(
        "stats", help="words and records per language, overall and per year, and the nb and nn shares"
    )
    _content_options(stats_cmd)
    editor_cli.add_commands(commands)
    return main


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _content_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="the content folder (default: content)",
    )
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "build")
    args = parser().parse_args(args_list)
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "stats":
            return run_stats(args)
        if args.command in editor_cli.EDITOR_COMMANDS:
            return editor_cli.run(args)
        return run_build(args)
    except ContentError as failure:
        return print_failure(failure.report)
    # OSError: a file system failure that write.py did not expect
    except (OutputError, SearchIndexError, OSError) as problem:
        print(f"floke: error: {problem}", file=sys.stderr)
        return 1


def run_check(args: argparse.Namespace) -> int:
    catalogue, report = check(BuildOptions(content=args.content, strict=args.strict))
    print_warnings(report)
    print_shares(language_stats(catalogue))
    print(
        f"floke: {display_path(args.content)} is valid: {len(catalogue.projects)} projects, "
        f"{len(catalogue.news)} news posts, {len(catalogue.agencies)} agencies"
    )
    return 0


def run_build(args: argparse.Namespace) -> int:
    theme = Theme(
        templates=tuple(p for p in (args.templates, DEFAULT_TEMPLATES) if p is not None),
        static=tuple(p for p in (args.static, DEFAULT_STATIC) if p is not None),
    )
    options = BuildOptions(
        content=args.content,
        output=args.output,
        theme=theme,
        base_url=args.base_url,
        drafts=args.drafts,
        future=args.future,
        strict=args.strict,
        jobs=args.jobs,
        cache=not args.no_cache,
    )
    meter = Meter(show=wants_progress())
    result = build(options, meter)
    if args.timings:
        print(meter.table())
    print_warnings(result.report)
    print_shares(result.language)
    if result.up_to_date:
        print(
            f"floke: {display_path(args.output)} is up to date ({result.pages} pages, {result.files} files): "
            f"nothing changed since the last build; checked in {result.seconds:.2f} s"
        )
    else:
        print(
            f"floke: wrote {result.pages} pages ({result.files} files) to {display_path(args.output)} "
            f"in {result.seconds:.2f} s"
        )
    return 0


def run_stats(args: argparse.Namespace) -> int:
    catalogue, _ = check(BuildOptions(content=args.content, strict=args.strict))
    print(format_table(language_stats(catalogue)))
    return 0


def print_shares(stats: LanguageStats) -> None:
    print(f"floke: language share: {format_shares(stats)}")


def print_warnings(report: Report) -> None:
    for warning in report.warnings:
        print(warning.format(), file=sys.stderr)
    if report.warnings:
        print(f"floke: {len(report.warnings)} warning(s): {report.warning_summary()}", file=sys.stderr)
    if report.silenced:
        print(f"floke: {report.silenced} warning(s) not shown: site.yaml ignores their kind "
              "(ignore_warnings)", file=sys.stderr)


def print_failure(report: Report) -> int:
    for diagnostic in [*report.errors, *report.warnings]:
        print(diagnostic.format(), file=sys.stderr)
    count = len(report.errors)
    print(f"floke: {count} error{'s' if count != 1 else ''}; nothing was written", file=sys.stderr)
    return 1
