"""Charts of targets and results: PNG or SVG bytes drawn with matplotlib.

Chinese labels need a font with Chinese glyphs, and none is assumed on the system: the
project installs one from the package index (``mplfonts``, which ships Noto Sans CJK
SC) and draws every label with that file (:func:`cjk_font_path`). The charts are made
for phones: 1100 px wide, labels at least 16 px high at that width.

* :func:`regions_chart`: one indicator in one year, a bar per region (its target; the
  upper end of a range lighter), its last result as a dot, the national target as a
  line across;
* :func:`history_chart`: one indicator of one region over the years, the target and
  the result of each year;
* :func:`scorecard_chart`: per period, how many targets were met, missed or are unknown.

Pure: data in, bytes out (:class:`Chart`, with every text drawn, so that a caller can
check the font has a glyph for each character). matplotlib is imported on first use.
The chart's own words (title, legend, axis, years) are the catalogue's ``charts.*`` in
the ``lang`` given (Chinese by default); indicator, region and unit names are the
documents' own words.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from bot.i18n import DEFAULT_LANGUAGE, tr

FONT_PACKAGE = "mplfonts"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
WIDTH_IN, HEIGHT_IN, DPI = 10.0, 6.0, 110  # 1100 x 660 px
FONT_PT = 12.0  # 12 pt at 110 dpi: 18 px
FORMATS = ("png", "svg")
TARGET_COLOR, RANGE_COLOR, RESULT_COLOR, NATIONAL_COLOR = "#4C72B0", "#A9BEDF", "#DD8452", "#C44E52"
_LOCK = threading.Lock()  # matplotlib's font cache and rc context are process-wide


class ChartUnavailable(RuntimeError):
    """matplotlib or the CJK font package is not installed."""


@dataclass(frozen=True)
class Chart:
    """A drawn chart: the file's bytes, its format and size in pixels, and every text
    on it (title, axis labels, tick labels, legend, value labels)."""

    data: bytes
    format: str
    width: int
    height: int
    labels: tuple[str, ...]


@dataclass(frozen=True)
class RegionBar:
    """One region's bar: the target (``target_max`` for a range) and the last result."""

    region: str
    target: float | None
    target_max: float | None = None
    result: float | None = None
    result_year: str = ""


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    """The Noto Sans CJK SC file that ``mplfonts`` installs (the package is not
    imported: only its files are used)."""
    spec = find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ChartUnavailable(f"the {FONT_PACKAGE} package (a CJK font) is not installed")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "fonts" / FONT_FILE
        if path.is_file():
            return path
    raise ChartUnavailable(f"{FONT_FILE} not found in the {FONT_PACKAGE} package")


@lru_cache(maxsize=1)
def _font_family() -> str:
    from matplotlib import font_manager

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def font_charmap() -> set[int]:
    """The code points the chart font has glyphs for."""
    from matplotlib.ft2font import FT2Font

    return set(FT2Font(str(cjk_font_path())).get_charmap())


def _number(value: float) -> str:
    return f"{value:g}"


def _year(period: str, lang: str) -> str:
    """A tick's year in ``lang`` (``2024年`` / ``2024``); a span or a name as written."""
    return tr(lang, "docs.year", year=period) if period.isdigit() else period


def _render(draw, fmt: str) -> Chart:
    if fmt not in FORMATS:
        raise ValueError(f"chart format must be one of {FORMATS}, not {fmt!r}")
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib.figure import Figure
        from matplotlib.text import Text
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ChartUnavailable("matplotlib is not installed") from exc
    with _LOCK:
        family = _font_family()
        rc = {
            "font.family": [family],
            "font.size": FONT_PT,
            "axes.unicode_minus": False,
            "svg.fonttype": "path",
        }
        with matplotlib.rc_context(rc):
            fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
            draw(fig)
            fig.tight_layout()
            labels = tuple(
                t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()
            )
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, dpi=DPI)
    width, height = round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI)
    return Chart(buffer.getvalue(), fmt, width, height, labels)


def regions_chart(
    indicator: str,
    year: int,
    unit: str,
    bars: Sequence[RegionBar],
    *,
    national: float | None = None,
    fmt: str = "png",
    lang: str = DEFAULT_LANGUAGE,
) -> Chart:
    """A bar per region (target; a range's upper end lighter), the last result as a
    dot, the national target as a dashed line."""

    def draw(fig) -> None:
        ax = fig.add_subplot()
        xs = list(range(len(bars)))
        lows = [b.target or 0.0 for b in bars]
        ax.bar(
            xs,
            lows,
            color=TARGET_COLOR,
            label=tr(lang, "charts.target_of_year", year=year),
            zorder=2,
        )
        extra = [
            (b.target_max - b.target) if b.target is not None and b.target_max else 0.0
            for b in bars
        ]
        if any(extra):
            ax.bar(
                xs,
                extra,
                bottom=lows,
                color=RANGE_COLOR,
                label=tr(lang, "charts.range_top"),
                zorder=2,
            )
        shown = [(x, b) for x, b in zip(xs, bars, strict=True) if b.result is not None]
        if shown:
            ax.scatter(
                [x for x, _ in shown],
                [b.result for _, b in shown],
                color=RESULT_COLOR,
                s=90,
                zorder=3,
                label=tr(lang, "charts.latest_result"),
            )
        if national is not None:
            ax.axhline(
                national,
                color=NATIONAL_COLOR,
                linestyle="--",
                zorder=1,
                label=tr(lang, "charts.national_target"),
            )
        for x, b in zip(xs, bars, strict=True):
            if b.target is not None and b.target > 0:
                text = _number(b.target)
                if b.target_max:
                    text += f"–{_number(b.target_max)}"
                ax.annotate(
                    text,
                    (x, b.target),
                    ha="center",
                    va="top",
                    xytext=(0, -6),
                    textcoords="offset points",
                    color="white",
                )
        values = [v for b in bars for v in (b.target, b.target_max, b.result) if v is not None]
        if national is not None:
            values.append(national)
        top = max(values, default=1.0)
        ax.set_ylim(min(0.0, *values) if values else 0.0, top * 1.3 if top > 0 else 1.0)
        ax.set_xticks(xs, [b.region for b in bars])
        ax.set_ylabel(unit)
        ax.set_title(tr(lang, "charts.regions_title", indicator=indicator, year=year, unit=unit))
        ax.grid(axis="y", alpha=0.3, zorder=0)
        ax.legend(loc="upper center", ncol=4, frameon=False)

    return _render(draw, fmt)


def history_chart(
    indicator: str,
    region: str,
    unit: str,
    years: Sequence[str],
    targets: Sequence[float | None],
    results: Sequence[float | None],
    *,
    fmt: str = "png",
    lang: str = DEFAULT_LANGUAGE,
) -> Chart:
    """Target and result of one region over the years (a gap where one is missing)."""

    def draw(fig) -> None:
        ax = fig.add_subplot()
        xs = list(range(len(years)))
        nan = float("nan")
        ax.plot(
            xs,
            [t if t is not None else nan for t in targets],
            marker="o",
            color=TARGET_COLOR,
            label=tr(lang, "charts.target"),
        )
        ax.plot(
            xs,
            [r if r is not None else nan for r in results],
            marker="s",
            color=RESULT_COLOR,
            label=tr(lang, "charts.result"),
        )
        for x, value in zip(xs, results, strict=True):
            if value is not None:
                ax.annotate(
                    _number(value),
                    (x, value),
                    ha="center",
                    va="bottom",
                    xytext=(0, 5),
                    textcoords="offset points",
                )
        values = [v for v in (*targets, *results) if v is not None]
        if values:
            low, high = min(values), max(values)
            pad = (high - low) * 0.25 or abs(high) * 0.1 or 1.0
            ax.set_ylim(low - pad, high + 2 * pad)
        ax.set_xticks(xs, [_year(y, lang) for y in years])
        ax.set_ylabel(unit)
        ax.set_title(
            tr(lang, "charts.history_title", region=region, indicator=indicator, unit=unit)
        )
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="upper center", ncol=2, frameon=False)

    return _render(draw, fmt)


STATUS_COLORS = {"met": "#55A868", "missed": "#C44E52", "unknown": "#B0B0B0"}


def scorecard_chart(
    title: str,
    periods: Sequence[str],
    counts: Sequence[dict[str, int]],
    *,
    fmt: str = "png",
    lang: str = DEFAULT_LANGUAGE,
) -> Chart:
    """Per period, how many targets were met, missed or are unknown (stacked bars)."""

    def draw(fig) -> None:
        ax = fig.add_subplot()
        xs = list(range(len(periods)))
        bottoms = [0.0] * len(periods)
        for status in ("met", "missed", "unknown"):
            heights = [c.get(status, 0) for c in counts]
            ax.bar(
                xs,
                heights,
                bottom=bottoms,
                color=STATUS_COLORS[status],
                label=tr(lang, f"charts.{status}"),
                zorder=2,
            )
            for x, h, b in zip(xs, heights, bottoms, strict=True):
                if h:
                    ax.annotate(str(h), (x, b + h / 2), ha="center", va="center", color="white")
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        ax.set_ylim(0, max(bottoms, default=1) * 1.25 or 1)
        ax.set_xticks(xs, [_year(p, lang) for p in periods])
        ax.set_ylabel(tr(lang, "charts.count_axis"))
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3, zorder=0)
        ax.legend(loc="upper center", ncol=3, frameon=False)

    return _render(draw, fmt)
