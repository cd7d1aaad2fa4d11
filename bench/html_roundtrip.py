"""Does a document saved as a web page read as its text does? A round trip on the dev
documents of tests/data/real (never the test split): each text is wrapped in a
government-style article page (navigation, breadcrumbs, a 发布时间/来源 line, share links,
a footer, scripts; headings as <h2>/<h3>, tab-separated rows as a <table>), read back
through the corpus reader, and compared with the .txt: lines lost or added, and key
targets (indicator, kind, value, year) lost or added.

    .venv/bin/python -m bench.html_roundtrip [--wrap]

``--wrap`` breaks every paragraph's markup every 30 characters between two Han
characters, as some CMS templates do (a browser shows no space there).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

from bot.corpus.loader import load_document
from bot.corpus.reader import UnreadableDocument
from bot.models import Document
from bot.targets.extract import extract_targets
from bot.text.normalize import fold_figures

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部分章节])"
)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _wrap(text: str, every: int) -> str:
    out: list[str] = []
    since = 0
    for i, ch in enumerate(text):
        out.append(ch)
        since += 1
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if since >= every and _HAN_RE.match(ch) and _HAN_RE.match(nxt):
            out.append("\n        ")
            since = 0
    return "".join(out)


def page(text: str, title: str, *, wrap: bool) -> str:
    """``text`` as an article page titled ``title`` (the text's own title: its first line
    is not always one, a 文号 or an addressee may come first)."""
    body = [line for line in text.split("\n") if line.strip()]
    parts: list[str] = []
    rows: list[str] = []

    def flush_rows() -> None:
        if rows:
            cells = (
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r.split("\t")) + "</tr>"
                for r in rows
            )
            parts.append("<table>" + "\n".join(cells) + "</table>")
            rows.clear()

    for line in body:
        if "\t" in line:
            rows.append(line)
            continue
        flush_rows()
        escaped = html.escape(_wrap(line, 30) if wrap else line)
        if _HEADING_RE.match(line) and len(line) <= 60:
            tag = "h3" if line.startswith("（") else "h2"
            parts.append(f"<{tag}>{escaped}</{tag}>")
        else:
            parts.append(f"<p>{escaped}</p>")
    flush_rows()
    content = "\n".join(parts)
    t = html.escape(title)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{t}_人民政府门户网站</title><script>var _hmt = "统计代码";</script></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> |
<a href="/zcwj">政策文件</a></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 正文</div>
<div class="article"><h1>{t}</h1>
<div class="info">发布时间：2025-01-20 来源：人民政府办公室 【字体：大 中 小】【打印本页】</div>
<div class="content">
{content}
</div></div>
<div class="share">分享到：微信 微博</div>
<div class="footer"><p>主办单位：人民政府办公室 版权所有</p><p>ICP备00000000号</p></div>
<script>document.write("页面脚本");</script>
</body></html>"""


def _targets(doc: Document) -> Counter[tuple[object, ...]]:
    return Counter((r.indicator, r.kind, r.value, r.year) for r in extract_targets(doc))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wrap", action="store_true")
    args = parser.parse_args()
    meta = tomllib.loads((REAL / "docs.toml").read_text("utf-8"))
    dev = sorted(name for name, m in meta.items() if m["split"] == "dev")
    totals = Counter[str]()
    print(f"{'document':52} lines txt lost added | targets txt lost added")
    with tempfile.TemporaryDirectory() as tmp:
        for name in dev:
            txt = REAL / "docs" / name
            doc_txt = load_document(txt, txt.parent, max_bytes=1 << 26, passage_max_chars=500)
            html_path = Path(tmp) / (Path(name).stem + ".html")
            source = page(txt.read_text("utf-8"), doc_txt.meta.title, wrap=args.wrap)
            html_path.write_text(source, "utf-8")
            try:
                doc_html = load_document(
                    html_path, Path(tmp), max_bytes=1 << 26, passage_max_chars=500
                )
            except UnreadableDocument as exc:
                print(f"{name:52} REFUSED {exc.reason}")
                totals["refused"] += 1
                continue
            # the lines as the file writes them (one paragraph, heading or row a line),
            # not the loader's reflowed text: a page's lines are its elements
            written = fold_figures(txt.read_text("utf-8"))
            a = Counter(line.strip() for line in written.split("\n") if line.strip())
            b = Counter(line for line in doc_html.text.split("\n") if line.strip())
            if doc_html.meta.title == doc_txt.meta.title and not a[doc_txt.meta.title]:
                b[doc_txt.meta.title] -= 1  # the page's <h1>, not a line of the text
            totals["same_title"] += doc_html.meta.title == doc_txt.meta.title
            ta, tb = _targets(doc_txt), _targets(doc_html)
            row = {
                "lines": sum(a.values()),
                "lines_lost": sum((a - b).values()),
                "lines_added": sum((b - a).values()),
                "targets": sum(ta.values()),
                "targets_lost": sum((ta - tb).values()),
                "targets_added": sum((tb - ta).values()),
            }
            totals.update(row)
            print(
                f"{name:52} {row['lines']:5} {row['lines_lost']:4} {row['lines_added']:5} | "
                f"{row['targets']:11} {row['targets_lost']:4} {row['targets_added']:5}"
            )
            for line in list((a - b).elements())[:3]:
                print(f"    lost:  {line[:70]}")
            for line in list((b - a).elements())[:3]:
                print(f"    added: {line[:70]}")
    print(f"{len(dev)} dev documents; totals: {dict(totals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
