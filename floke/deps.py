"""Which pages a change touches: dependencies recorded while pages render, and the decision to re-render.

While a page renders, a PageTrace records what its templates reached:
- the templates loaded (the page's own, and every extends, include and import),
- the fields of objects read (`view.project.title` records (Project, "title"); a property such as
  `view.is_current` is evaluated once more to see which fields it reads),
- objects used whole (printed, passed to a filter or test, a method called on them): all their fields,
- calls to the environment's global functions (`url`, `asset`, ...) with their results.

From a trace the page's *input digest* is computed: its PageSpec and the template globals, walked
only through the fields the trace read (lists and mappings always whole, so a record joining or
leaving a list counts), plus the templates' sources and the calls' results. On a rebuild every page's
digest is computed again from the new data and the old trace, and a page is re-rendered exactly when
its digest differs. Since a template's output depends only on what it read, an unchanged digest
means unchanged bytes. The one thing not seen: comparing whole objects with `==` in a template
(compare their ids instead).

New pages need no registration: anything planned as a PageSpec and rendered by render_page is traced.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2.runtime import Context, Macro

from floke.pages import PageSpec

WHOLE = "*"
# Builtin filters that read items only through the environment (attribute=...) or not at all.
STRUCTURAL_FILTERS = frozenset(
    {"length", "count", "first", "last", "reverse", "batch", "slice", "selectattr", "rejectattr",
     "map", "select", "reject", "list", "default", "d", "e", "escape", "safe"}
)  # fmt: skip
_SIMPLE = (str, int, float, bool, type(None))


@functools.cache
def field_names(cls: type) -> frozenset[str] | None:
    """A dataclass type's field names; None for anything else."""
    if not dataclasses.is_dataclass(cls):
        return None
    return frozenset(f.name for f in dataclasses.fields(cls))


@dataclass
class PageTrace:
    """What one page's rendering reached."""

    reads: dict[type, set[str]] = field(default_factory=dict)
    templates: set[str] = field(default_factory=set)
    calls: dict[tuple[str, tuple], Any] = field(default_factory=dict)
    volatile: bool = False  # a global was called with objects: re-render every time

    def shape(self) -> frozenset:
        """The reads as one hashable value: pages that read the same fields share digest walks."""
        return frozenset((cls, frozenset(names)) for cls, names in self.reads.items())

    def read(self, obj: Any, name: str) -> None:
        names = field_names(type(obj))
        if names is None:
            return
        if name in names:
            self.reads.setdefault(type(obj), set()).add(name)
        elif isinstance(getattr(type(obj), name, None), property):
            getattr(type(obj), name).fget(_Recorder(obj, self))
        else:  # a method: it may read anything on the object
            self.use_whole(obj)

    def use_whole(self, value: Any) -> None:
        if field_names(type(value)) is not None:
            self.reads.setdefault(type(value), set()).add(WHOLE)

    def use_items_whole(self, value: Any) -> None:
        self.use_whole(value)
        if isinstance(value, list | tuple):
            for item in value:
                self.use_whole(item)


class _Recorder:
    """Stands in for `self` while a property runs, so that the fields it reads are recorded."""

    def __init__(self, obj: Any, trace: PageTrace) -> None:
        self._obj, self._trace = obj, trace

    def __getattr__(self, name: str) -> Any:
        self._trace.read(self._obj, name)
        value = getattr(self._obj, name)
        self._trace.use_whole(value)  # what the property does with it is not seen
        return value


class TrackingContext(Context):
    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        trace: PageTrace | None = getattr(__self.environment, "trace", None)
        result = super().call(__obj, *args, **kwargs)
        if trace is not None and not isinstance(__obj, Macro):
            name = __self.environment.global_names.get(id(__obj))
            kwargs = {k: v for k, v in kwargs.items() if k not in ("_block_vars", "_loop_vars")}
            values = (*args, *sorted(kwargs.items()))
            if name is None:
                for value in values:
                    trace.use_items_whole(value)
            elif all(isinstance(v, _SIMPLE) for v in args) and all(
                isinstance(v, _SIMPLE) for v in kwargs.values()
            ):
                trace.calls[(name, values)] = result
            else:
                trace.volatile = True
        return result


class TrackingEnvironment(jinja2.Environment):
    """A Jinja environment that records, into `trace`, what the page being rendered reaches."""

    context_class = TrackingContext

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._finalize, **options)
        self.trace: PageTrace | None = None
        self.global_names: dict[int, str] = {}

    def instrument(self) -> None:
        """Wrap filters and tests so that objects handed to them count as used whole."""
        for table in (self.filters, self.tests):
            for name, function in list(table.items()):
                if name not in STRUCTURAL_FILTERS and not getattr(function, "_floke_traced", False):
                    table[name] = self._traced(function)
        self.index_globals()

    def index_globals(self) -> None:
        self.global_names = {id(v): k for k, v in self.globals.items() if callable(v)}

    def _traced(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def traced(*args: Any, **kwargs: Any) -> Any:
            if self.trace is not None:
                for value in (*args, *kwargs.values()):
                    self.trace.use_items_whole(value)
            return function(*args, **kwargs)

        traced._floke_traced = True  # type: ignore[attr-defined]
        return traced

    def _finalize(self, value: Any) -> Any:
        if self.trace is not None:
            self.trace.use_whole(value)
        return value

    def getattr(self, obj: Any, attribute: str) -> Any:
        if self.trace is not None:
            self.trace.read(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if self.trace is not None and isinstance(argument, str):
            self.trace.read(obj, argument)
        return super().getitem(obj, argument)

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> jinja2.Template:
        if self.trace is not None and isinstance(name, str):
            self.trace.templates.add(self.join_path(name, parent) if parent else name)
        return super().get_template(name, parent, globals)


# --- digests ---------------------------------------------------------------------------------


class _Digester:
    """Hashes values through the fields a trace read; one instance per rebuild and trace shape.

    Digests are kept by object id, which is sound only for objects alive for the whole rebuild:
    the page specs, the globals and everything reachable from them (never a temporary).
    """

    def __init__(self, reads: Mapping[type, set[str]]) -> None:
        self.reads = reads
        self.memo: dict[int, int] = {}
        self.shown: dict[tuple[type, bool], tuple[bool, list[str]]] = {}

    def __call__(self, value: Any, whole: bool = False) -> int:
        key = id(value) * 2 + whole
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._digest(value, whole)
        return found

    def _digest(self, value: Any, whole: bool) -> int:
        if isinstance(value, str):
            return hash(value)
        cls = type(value)
        if field_names(cls) is not None:
            whole, shown = self._fields_shown(cls, whole)
            return hash((cls.__qualname__, *((n, self(getattr(value, n), whole)) for n in shown)))
        if isinstance(value, Mapping):
            return hash(("map", *((self(k, whole), self(v, whole)) for k, v in value.items())))
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
            return hash((cls.__name__, *(self(item, whole) for item in items)))
        try:
            return hash((cls.__qualname__, value))
        except TypeError:
            return hash((cls.__qualname__, repr(value)))

    def _fields_shown(self, cls: type, whole: bool) -> tuple[bool, list[str]]:
        """The fields of cls that count: all when used whole, else those read (whole then passes down)."""
        key = (cls, whole)
        if key not in self.shown:
            read = self.reads.get(cls, set())
            names = field_names(cls) or frozenset()
            whole = whole or WHOLE in read
            self.shown[key] = (whole, sorted(names if whole else names.intersection(read)))
        return self.shown[key]


@dataclass(frozen=True)
class Recorded:
    """A page's trace and the digest of its inputs when it was last rendered."""

    trace: PageTrace
    shape: frozenset
    digest: int


@dataclass
class DependencyMap:
    """Every rendered page's recorded dependencies; decides what a rebuild must render again."""

    pages: dict[str, Recorded] = field(default_factory=dict)
    costs: dict[str, float] = field(default_factory=dict)  # seconds each page's last check took
    _digests: _Digests | None = None

    def begin(self, env: TrackingEnvironment) -> None:
        """Start a rebuild: env's globals hold the new data."""
        self._digests = _Digests(env)

    def stale(self, specs: Iterable[PageSpec]) -> Iterator[PageSpec]:
        """The pages whose inputs changed since they were rendered, and pages never rendered.

        Pages that were quick to check come first, so a record's own page is written before the
        long lists that show it.
        """
        assert self._digests is not None, "begin() first"
        digests = self._digests
        for spec in sorted(specs, key=lambda s: self.costs.get(s.url, 0.0)):
            old = self.pages.get(spec.url)
            started = time.perf_counter()
            if old is None or old.trace.volatile or digests(spec, old.trace, old.shape) != old.digest:
                yield spec
            self.costs[spec.url] = time.perf_counter() - started

    def removed(self, specs: Iterable[PageSpec]) -> list[str]:
        """URLs rendered before that the new page plan no longer has."""
        planned = {spec.url for spec in specs}
        return sorted(url for url in self.pages if url not in planned)

    def forget(self, urls: Iterable[str]) -> None:
        for url in urls:
            self.pages.pop(url, None)

    def render(self, env: TrackingEnvironment, spec: PageSpec, render: Callable[[], Any]) -> Any:
        """Run render() for spec while tracing it, and keep the trace."""
        assert self._digests is not None, "begin() first"
        trace = PageTrace()
        env.trace = trace
        try:
            result = render()
        finally:
            env.trace = None
        shape = trace.shape()
        self.pages[spec.url] = Recorded(trace, shape, self._digests(spec, trace, shape))
        return result


class _Digests:
    """Page digests for one rebuild; walks shared by pages with the same reads are reused."""

    def __init__(self, env: TrackingEnvironment) -> None:
        self.env = env
        self.walkers: dict[frozenset, _Digester] = {}
        self.sources: dict[str, int] = {}
        self.results: dict[tuple[str, tuple], Any] = {}
        self.data = {k: v for k, v in env.globals.items() if not callable(v)}

    def __call__(self, spec: PageSpec, trace: PageTrace, shape: frozenset) -> int:
        walker = self.walkers.get(shape)
        if walker is None:
            walker = self.walkers[shape] = _Digester(trace.reads)
        return hash(
            (
                tuple(walker(part) for part in (spec, spec.context, spec.lang, spec.template)),
                walker(self.data),
                tuple(self._source(name) for name in sorted(trace.templates)),
                tuple(self._result(call) == result for call, result in trace.calls.items()),
            )
        )

    def _source(self, name: str) -> int:
        if name not in self.sources:
            try:
                source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
                self.sources[name] = hash((filename, source))
            except jinja2.TemplateNotFound:
                self.sources[name] = 0
        return self.sources[name]

    def _result(self, call: tuple[str, tuple]) -> Any:
        if call not in self.results:
            name, values = call
            args = tuple(v for v in values if not isinstance(v, tuple))
            kwargs = dict(v for v in values if isinstance(v, tuple))
            self.results[call] = self.env.globals[name](*args, **kwargs)
        return self.results[call]
