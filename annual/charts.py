"""A section's chart as an SVG drawing, the same on the page and in the PDF. The drawing is
decorative for assistive technology (role="img" with its title); the figures it draws are in
the table printed with it."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from annual.snapshot import Chart

WIDTH, HEIGHT = 600, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 52
# Told apart by pattern as well as colour: solid, dashed and dotted lines; shades of bars.
COLOURS = ("#1d70b8", "#0b0c0c", "#f47738", "#00703c")
DASHES = ("", "6 4", "2 3", "10 3 2 3")


def _scale(values: list[float]) -> float:
    top = max((v for v in values), default=0.0)
    return top if top > 0 else 1.0


def _numbers(chart: Chart) -> list[float]:
    return [v for s in chart.series for v in s.values if v is not None]


LABEL_CHARS = 24  # an axis label is cut to this (the table under the chart has it whole)
CHAR_WIDTH = 6.2  # about, at font-size 11, in the drawing's units
TILT = 35  # degrees: axis labels too long for their slot are tilted so none overlaps
TILT_SIN = 0.574


def _label(
    text: str, x: float, y: float, anchor: str = "middle", *, limit: int = LABEL_CHARS
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="{anchor}" '
        f'fill="#0b0c0c">{escape(text[:limit])}</text>'
    )


def _tilted(text: str, x: float, y: float) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="end" '
        f'transform="rotate(-{TILT} {x:.1f} {y:.1f})" fill="#0b0c0c">'
        f"{escape(text[:LABEL_CHARS])}</text>"
    )


def draw_chart(chart: Chart, ident: str) -> SafeString:
    """An SVG bar chart or trend line of the chart's series over its labels."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _scale(_numbers(chart))
    count = max(len(chart.labels), 1)
    step = plot_w / count
    longest = max((len(label[:LABEL_CHARS]) for label in chart.labels), default=0)
    tilt = longest * CHAR_WIDTH > step * 0.9
    # Tilted labels need room under the axis; the key goes below them.
    extra = round(longest * CHAR_WIDTH * TILT_SIN) if tilt else 0
    height = HEIGHT + extra
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'class="annual-chart" role="img" aria-labelledby="{ident}-title">'
        f'<title id="{ident}-title">{escape(chart.title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#505a5f" stroke-width="1"/>',
        _label(f"{top:g}", LEFT - 6, TOP + 4, "end"),
        _label("0", LEFT - 6, TOP + plot_h + 4, "end"),
    ]
    for n, label in enumerate(chart.labels):
        x = LEFT + step * (n + 0.5)
        if tilt:
            parts.append(_tilted(label, x + 4, TOP + plot_h + 14))
        else:
            parts.append(_label(label, x, TOP + plot_h + 18))

    def y_of(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    series = chart.series[: len(COLOURS)]
    if chart.kind == "line":
        for s, (colour, dash) in zip(series, zip(COLOURS, DASHES, strict=False), strict=False):
            points = [
                f"{LEFT + step * (n + 0.5):.1f},{y_of(v):.1f}"
                for n, v in enumerate(s.values[:count])
                if v is not None
            ]
            if points:
                dashed = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dashed}/>'
                )
    else:
        width = step * 0.8 / max(len(series), 1)
        for index, (s, colour) in enumerate(zip(series, COLOURS, strict=False)):
            for n, v in enumerate(s.values[:count]):
                if v is None:
                    continue
                x = LEFT + step * n + step * 0.1 + width * index
                y = y_of(v)
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                    f'height="{TOP + plot_h - y:.1f}" fill="{colour}"/>'
                )
    # The key, under the axis: each name in full, a second row when they do not fit in one.
    places: list[tuple[float, int]] = []
    x, row = float(LEFT), 0
    for s in series:
        needed = 30 + len(s.name[:40]) * CHAR_WIDTH + 20
        if x > LEFT and x + needed > WIDTH - RIGHT:
            x, row = float(LEFT), row + 1
        places.append((x, row))
        x += needed
    rows = (places[-1][1] + 1) if places else 1
    height += (rows - 1) * 18
    for index, (s, (x, row)) in enumerate(zip(series, places, strict=True)):
        y = height - 12 - (rows - 1 - row) * 18
        dash = (
            f' stroke-dasharray="{DASHES[index]}"' if chart.kind == "line" and DASHES[index] else ""
        )
        parts.append(
            f'<line x1="{x:.1f}" y1="{y}" x2="{x + 24:.1f}" y2="{y}" '
            f'stroke="{COLOURS[index]}" stroke-width="6"{dash}/>'
        )
        parts.append(_label(s.name, x + 30, y + 4, "start", limit=40))
    # The drawing's height is known only now: set it in the opening tag.
    parts[0] = parts[0].replace(f"0 0 {WIDTH} {HEIGHT + extra}", f"0 0 {WIDTH} {height}", 1)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped


def chart_rows(chart: Chart) -> list[list[str]]:
    """The chart's figures as table rows: a label, then each series' value."""
    rows = []
    for n, label in enumerate(chart.labels):
        row = [label]
        for s in chart.series:
            value = s.values[n] if n < len(s.values) else None
            row.append("" if value is None else f"{value:g}")
        rows.append(row)
    return rows
