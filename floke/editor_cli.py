"""The editor's commands: serve (live preview), new (scaffold a record), schema (export for editors)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from floke.editor_schemas import write_schemas
from floke.load import display_path
from floke.pipeline import BuildOptions, today
from floke.preview import PreviewBuild
from floke.render import DEFAULT_STATIC, DEFAULT_TEMPLATES, Theme
from floke.scaffold import KIND_FOLDERS, ScaffoldError, new_record, write_record
from floke.serve import UsageError, check_address, serve

EDITOR_COMMANDS = ("serve", "new", "schema")


def add_commands(commands: argparse._SubParsersAction) -> None:
    serve_cmd = commands.add_parser(
        "serve", help="live preview with drafts and future news; rebuilds on save"
    )
    serve_cmd.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve_cmd.add_argument(
        "--allow-remote", action="store_true", help="allow a --host that other machines can reach"
    )
    serve_cmd.add_argument("--templates", type=Path, metavar="DIR", help="templates in front of the theme's")
    serve_cmd.add_argument("--static", type=Path, metavar="DIR", help="static files in front of the theme's")
    serve_cmd.add_argument(
        "--output", type=Path, metavar="DIR", help="preview folder (default: a temporary folder)"
    )
    new_cmd = commands.add_parser(
        "new", help="write a new project, news post or page with every field explained"
    )
    new_cmd.add_argument("kind", choices=sorted(KIND_FOLDERS))
    new_cmd.add_argument("title")
    new_cmd.add_argument("--lang", choices=("nb", "nn", "en"), default="nb", help="language (default: nb)")
    new_cmd.add_argument("--slug", help="the address, when the title's does not suit")
    new_cmd.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas of the records for editors")
    schema_cmd.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
    schema_cmd.add_argument("--out", type=Path, default=Path("schemas"), metavar="DIR")


def run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return run_new(args)
    if args.command == "schema":
        for path in write_schemas(args.content, args.out):
            print(f"floke: wrote {display_path(path)}")
        return 0
    return run_serve(args)


def run_new(args: argparse.Namespace) -> int:
    try:
        record = new_record(args.content, args.kind, args.title, args.lang, today(), args.slug)
        write_record(record)
    except ScaffoldError as problem:
        print(f"floke: error: {problem}", file=sys.stderr)
        return 1
    print(f"floke: wrote {display_path(record.path)}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    try:
        check_address(args.host, args.allow_remote)
    except UsageError as problem:
        print(f"floke: error: {problem}", file=sys.stderr)
        return 2
    templates = tuple(p for p in (args.templates, DEFAULT_TEMPLATES) if p is not None)
    static = tuple(p for p in (args.static, DEFAULT_STATIC) if p is not None)
    output = args.output or Path(tempfile.mkdtemp(prefix="floke-preview-"))
    options = BuildOptions(
        content=args.content, output=output, theme=Theme(templates, static), drafts=True, future=True
    )
    session = PreviewBuild(options, base_url=f"http://{args.host}:{args.port}/")
    serve(session, args.host, args.port, (args.content, *templates, *static))
    return 0
