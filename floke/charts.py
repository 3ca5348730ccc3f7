"""Static, accessible SVG charts drawn at build time: bars, columns and the co-operation network.

The SVG is built with ElementTree, which escapes every text and attribute, so labels taken from
records are safe to embed. Colours come from CSS classes (the CSP forbids inline styles, and
forced-colors mode can then swap them for system colours). Each chart carries a <title> and a
<desc> that says the data in words; the template adds the same data as a table.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

BAR_WIDTH = 600  # drawing units; the SVG scales to its container
BAR_ROW = 48
COLUMN_STEP = 56
COLUMN_HEIGHT = 160
NETWORK_SIZE = 760


@dataclass(frozen=True)
class Datum:
    """One bar or column: its label, its value and the value as shown (formatted for the language)."""

    label: str
    value: int
    shown: str
    url: str | None = None


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    data: tuple[Datum, ...]
    svg: Markup


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    weight: int


def bar_chart(
    chart_id: str, title: str, description: str, headings: tuple[str, str], data: Sequence[Datum]
) -> Chart:
    """Horizontal bars, each label above its bar so that long labels need no measuring."""
    top = max((d.value for d in data), default=0) or 1
    svg = _svg(chart_id, title, description, data, BAR_WIDTH, max(1, len(data)) * BAR_ROW)
    for row, datum in enumerate(data):
        y = row * BAR_ROW
        length = _scale(datum.value, top, BAR_WIDTH - 90)
        _text(svg, datum.label, 0, y + 16, "chart-label")
        ET.SubElement(svg, "rect", _numbers(x=0, y=y + 22, width=length, height=18, **{"class": "chart-bar"}))
        _text(svg, datum.shown, length + 6, y + 36, "chart-value")
    return Chart(chart_id, title, description, *headings, tuple(data), _markup(svg))


def column_chart(
    chart_id: str, title: str, description: str, headings: tuple[str, str], data: Sequence[Datum]
) -> Chart:
    """Vertical columns in order (years), the value above each column and the label below it."""
    top = max((d.value for d in data), default=0) or 1
    width = max(BAR_WIDTH, len(data) * COLUMN_STEP)  # as wide as the bar charts, so text is the same size
    step = width / max(1, len(data))
    svg = _svg(chart_id, title, description, data, width, COLUMN_HEIGHT + 60)
    base = COLUMN_HEIGHT + 24
    ET.SubElement(svg, "line", _numbers(x1=0, y1=base, x2=width, y2=base, **{"class": "chart-axis"}))
    for index, datum in enumerate(data):
        x = index * step + (step - 36) / 2
        height = _scale(datum.value, top, COLUMN_HEIGHT)
        ET.SubElement(
            svg, "rect", _numbers(x=x, y=base - height, width=36, height=height, **{"class": "chart-bar"})
        )
        _text(svg, datum.shown, x + 18, base - height - 6, "chart-value chart-middle")
        _text(svg, datum.label, x + 18, base + 22, "chart-label chart-middle")
    return Chart(chart_id, title, description, *headings, tuple(data), _markup(svg))


def network_chart(
    chart_id: str,
    title: str,
    description: str,
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[Edge],
) -> Markup:
    """Nodes (id, label) on a circle in the given order, edges as lines thickened by weight."""
    radius = NETWORK_SIZE / 2 - 190  # room for labels left and right
    cx, cy = NETWORK_SIZE / 2, radius + 40
    svg = _svg(chart_id, title, description, (), NETWORK_SIZE, 2 * cy)
    places = {}
    for index, (node_id, _) in enumerate(nodes):
        angle = 2 * math.pi * index / max(1, len(nodes)) - math.pi / 2
        places[node_id] = (math.cos(angle), math.sin(angle))
    for edge in edges:
        (ax, ay), (bx, by) = places[edge.a], places[edge.b]
        weight = min(edge.weight, 3)
        ET.SubElement(
            svg,
            "line",
            _numbers(
                x1=cx + radius * ax,
                y1=cy + radius * ay,
                x2=cx + radius * bx,
                y2=cy + radius * by,
                **{"class": f"chart-edge chart-edge-{weight}"},
            ),
        )
    for node_id, label in nodes:
        dx, dy = places[node_id]
        ET.SubElement(
            svg,
            "circle",
            _numbers(cx=cx + radius * dx, cy=cy + radius * dy, r=7, **{"class": "chart-node"}),
        )
        side = "chart-start" if dx > 0.2 else "chart-end" if dx < -0.2 else "chart-middle"
        _text(
            svg,
            label,
            cx + (radius + 14) * dx,
            cy + (radius + 14) * dy + 5 + 8 * dy,
            f"chart-label {side}",
        )
    return _markup(svg)


def _svg(
    chart_id: str, title: str, description: str, data: Sequence[Datum], width: float, height: float
) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "class": "chart",
            "viewBox": f"0 0 {_number(width)} {_number(height)}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "focusable": "false",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    words = "; ".join(f"{d.label}: {d.shown}" for d in data)
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = (
        f"{description} {words}." if words else description
    )
    return svg


def _text(svg: ET.Element, text: str, x: float, y: float, classes: str) -> None:
    ET.SubElement(svg, "text", _numbers(x=x, y=y, **{"class": classes})).text = text


def _scale(value: int, top: int, length: float) -> float:
    """Bar length; a non-zero value keeps at least 2 units so that it stays visible."""
    return max(2.0, value / top * length) if value else 0.0


def _numbers(**attributes: float | str) -> dict[str, str]:
    return {
        key: _number(value) if isinstance(value, float | int) else value for key, value in attributes.items()
    }


def _number(value: float) -> str:
    """Coordinates to one decimal, without a trailing '.0': short and the same on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _markup(svg: ET.Element) -> Markup:
    return Markup(ET.tostring(svg, encoding="unicode"))  # ElementTree escaped every text and attribute
