"""Charts drawn on the server as SVG, readable without JavaScript.

Each chart is an image with a title and a description (`role="img"`, `aria-labelledby`), and every page
that shows one prints the same numbers in a table beside it and offers them as CSV. Lines differ by
pattern and marker shape as well as colour, so colour never carries the meaning alone.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 44, 20, 48

STYLES = {
    # stroke colour, dash pattern, marker shape
    "council": ("#0b0c0c", "", "circle"),
    "similar": ("#1d70b8", "8 4", "square"),
    "type": ("#505a5f", "2 4", "diamond"),
    "target": ("#00703c", "4 4", "triangle"),
}


@dataclass(frozen=True)
class Line:
    label: str
    values: list  # Decimal or None, one per period
    style: str = "council"


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        points = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
        return f'<path d="{points}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"M{x:.1f} {y - 6:.1f} L{x + 6:.1f} {y + 5:.1f} L{x - 6:.1f} {y + 5:.1f} Z"
        return f'<path d="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'


def legend_swatch(style: str) -> SafeString:
    """A small picture of a line style for the legend printed under a chart."""
    colour, dash, shape = STYLES[style]
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return mark_safe(  # SVG from numbers and fixed styles  # nosec B308 B703
        '<svg class="app-chart-swatch" width="36" height="14" viewBox="0 0 36 14" '
        'aria-hidden="true" focusable="false">'
        f'<line x1="0" y1="7" x2="36" y2="7" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        f"{_marker(shape, 18, 7, colour)}</svg>"
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    periods: list[str],
    lines: list[Line],
    band: list[tuple] | None = None,
    tick_label=lambda value: f"{value:g}",
) -> SafeString:
    """A line chart over `periods`. `band` is a (low, high) pair per period (a quartile range), drawn as a
    shaded area. Gaps (None) break a line."""
    known = [float(v) for line in lines for v in line.values if v is not None]
    known += [float(v) for pair in band or [] for v in pair if v is not None]
    if not periods or not known:
        return mark_safe("")  # an empty string  # nosec B308 B703
    low, high = min(known), max(known)
    padding = (high - low) * 0.1 or abs(high) * 0.1 or 1
    low = 0 if low >= 0 and low - padding < 0 else low - padding
    ticks = _ticks(low, high + padding)
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(periods) - 1, 1)

    def x(index: int) -> float:
        return LEFT + (index * step if len(periods) > 1 else plot_w / 2)

    def y(value) -> float:
        return TOP + plot_h - (float(value) - low) / (high - low) * plot_h

    parts = [
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}" '
            'stroke="#d8dade" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 5:.1f}" text-anchor="end" font-size="14" fill="#0b0c0c">'
            f"{escape(tick_label(Decimal(str(tick))))}</text>"
        )
    every = max(1, math.ceil(len(periods) / 8))
    for index, period in enumerate(periods):
        if index % every == 0 or index == len(periods) - 1:
            parts.append(
                f'<text x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 24}" text-anchor="middle" '
                'font-size="14" fill="#0b0c0c">'
                f"{escape(period)}</text>"
            )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#0b0c0c" stroke-width="1.5"/>'
    )
    if band:
        spans, current = [], []
        for index, pair in enumerate(band):
            if pair and pair[0] is not None and pair[1] is not None:
                current.append((index, pair))
            elif current:
                spans.append(current)
                current = []
        if current:
            spans.append(current)
        for span in spans:
            top = " ".join(f"{x(i):.1f},{y(p[1]):.1f}" for i, p in span)
            bottom = " ".join(f"{x(i):.1f},{y(p[0]):.1f}" for i, p in reversed(span))
            parts.append(f'<polygon points="{top} {bottom}" fill="#f3f2f1" stroke="#b1b4b6" stroke-width="1"/>')
    for line in lines:
        colour, dash, shape = STYLES[line.style]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        segment: list[str] = []
        segments = []
        for index, value in enumerate(line.values):
            if value is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x(index):.1f},{y(value):.1f}")
        if segment:
            segments.append(segment)
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash_attr}/>'
                )
        for index, value in enumerate(line.values):
            if value is not None:
                parts.append(_marker(shape, x(index), y(value), colour))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # SVG from numbers and escaped labels  # nosec B308 B703
