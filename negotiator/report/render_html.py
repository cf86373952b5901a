"""A Memo as one self-contained HTML file: inline CSS, charts as inline SVG, A4 print styles.

No external resources (fonts, scripts, images), so the file can be mailed
and opened offline. Chinese text uses the reader's installed CJK fonts via
the font stack. Every number cell carries its full-precision value in
``data-value`` so a script can read the exact numbers back.
"""

from __future__ import annotations

from html import escape

from negotiator.report.model import Figure, Memo, Paragraph, Table, display

__all__ = ["render", "render_text"]

_FONT_STACK = '"Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", "SimSun", sans-serif'

_KEEP_TOGETHER_ROWS = 24

_CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { font-family: %(fonts)s; font-size: 10pt; color: #1a1a1a; line-height: 1.45; }
body { max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; }
p.subtitle { color: #555; margin: 0 0 10pt 0; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #4e79a7; padding-bottom: 2pt; margin: 16pt 0 6pt 0; break-after: avoid; }
p.lead { font-size: 10.5pt; border-left: 3pt solid #4e79a7; padding-left: 6pt; }
p.lead strong { font-weight: 700; }
p.lead + p.lead { margin-top: -4pt; padding-top: 4pt; }
ul.lead { margin: -6pt 0 6pt 0; padding-left: 6pt; border-left: 3pt solid #4e79a7; list-style-position: inside; font-size: 10.5pt; }
ul.lead li { margin: 0 0 0 8pt; }
p.note, p.table-note, figcaption { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%%; margin: 4pt 0; font-size: 8pt; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; font-size: 9.5pt; padding: 2pt 0; caption-side: top; }
th, td { border: 0.5pt solid #c8c8c8; padding: 2pt 4pt; vertical-align: top; }
thead th { background: #e8eef6; font-weight: 600; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
th.short { white-space: nowrap; }
abbr { text-decoration: none; }
span.id { display: block; color: #777; font-size: 7pt; font-family: "DejaVu Sans Mono", Consolas, monospace; }
table.wide { font-size: 6.8pt; }
table.wide th { font-size: 6.5pt; }
figure { margin: 8pt 0; break-inside: avoid; }
div.keep { break-inside: avoid; }
caption { break-after: avoid; }
figure svg { width: 100%%; height: auto; }
section { margin-bottom: 6pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
""" % {"fonts": _FONT_STACK}


def _value_attr(cell) -> str:
    if cell.is_number:
        return f' data-value="{cell.value!r}"' if isinstance(cell.value, float) else f' data-value="{cell.value}"'
    return ""


def _table(table: Table) -> str:
    keys = [c.key for c in table.columns]
    # The option id goes under the option's label, saving a column on A4.
    merge_id = "option" in keys and "option_id" in keys
    shown = [i for i, k in enumerate(keys) if not (merge_id and k == "option_id")]
    wide = len(shown) > 9
    # Short tables stay on one page with their caption; long ones flow, repeating the header row.
    keep = len(table.rows) <= _KEEP_TOGETHER_ROWS
    out = ['<div class="table-block' + (' keep' if keep else "") + '">']
    out.append(f'<table data-key="{escape(table.key)}"' + (' class="wide"' if wide else "") + ">")
    out.append(f"<caption>{escape(table.title)}</caption>")
    out.append("<thead><tr>")
    for i in shown:
        col = table.columns[i]
        short = wide and bool(col.short)
        classes = (["num"] if col.kind != "text" else []) + (["short"] if short or col.key in ("rank", "family") else [])
        cls = f' class="{" ".join(classes)}"' if classes else ""
        # Headers wrap between words, never inside one: a wide table uses the short names and a key.
        head = f'<abbr title="{escape(col.header)}">{escape(col.short)}</abbr>' if short else escape(col.header)
        out.append(f'<th{cls} data-key="{escape(col.key)}">{head}</th>')
    out.append("</tr></thead><tbody>")
    for row in table.rows:
        out.append("<tr>")
        for i in shown:
            cell, col = row[i], table.columns[i]
            cls = ' class="num"' if cell.is_number else ""
            content = escape(display(cell))
            if merge_id and col.key == "option":
                # an id may break after its underscores (<wbr>): the longest one no longer widens the
                # column past A4 (the ranking's last objective column ran off the page)
                content += f'<span class="id">{escape(display(row[keys.index("option_id")])).replace("_", "_<wbr>")}</span>'
            out.append(f"<td{cls}{_value_attr(cell)}>{content}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if wide and table.header_key:
        out.append(f'<p class="table-note header-key">{escape(table.header_key)}</p>')
    if table.note:
        out.append(f'<p class="table-note">{escape(table.note)}</p>')
    out.append("</div>")
    return "".join(out)


def _figure(fig: Figure) -> str:
    from negotiator.report.figures import svg

    return f'<figure data-key="{escape(fig.key)}">{svg(fig)}<figcaption>{escape(fig.caption)}</figcaption></figure>'


def _paragraph(p: Paragraph) -> str:
    body = escape(p.text[p.strong :])
    if p.strong:
        body = f"<strong>{escape(p.text[: p.strong])}</strong>{body}"
    items = "".join(f"<li>{escape(item)}</li>" for item in p.items)
    listed = f'<ul class="{escape(p.role)}">{items}</ul>' if items else ""
    return f'<p class="{escape(p.role)}">{body}</p>{listed}'


def render_text(memo: Memo) -> str:
    lang = "zh-CN" if memo.lang == "zh" else "en"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(memo.title)}</title>",
        f'<meta name="generator" content="negotiator {escape(str(memo.provenance.get("version")))}">',
        f'<meta name="negotiator-case-sha256" content="{escape(str(memo.provenance.get("case_sha256")))}">',
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(memo.title)}</h1><p class=\"subtitle\">{escape(memo.subtitle)}</p></header>",
    ]
    for section in memo.sections:
        parts.append(f'<section data-key="{escape(section.key)}"><h2>{escape(section.heading)}</h2>')
        for block in section.blocks:
            if isinstance(block, Table):
                parts.append(_table(block))
            elif isinstance(block, Figure):
                parts.append(_figure(block))
            else:
                parts.append(_paragraph(block))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(memo: Memo) -> bytes:
    return render_text(memo).encode("utf-8")
