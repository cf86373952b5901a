"""A Memo as Markdown (GitHub-flavoured tables). Figures are left out: Markdown is the text form."""

from __future__ import annotations

from negotiator.report.model import Figure, Memo, Paragraph, Table, display

__all__ = ["render", "render_text"]


def _escape(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(table: Table) -> list[str]:
    numeric = [c.kind != "text" for c in table.columns]
    lines = [f"**{_escape(table.title)}**", ""]
    lines.append("| " + " | ".join(_escape(c.header) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_escape(display(cell)) for cell in row) + " |")
    if table.note:
        lines += ["", f"*{_escape(table.note)}*"]
    return lines


def _paragraph(p: Paragraph) -> list[str]:
    bullets = [f"- {item}" for item in p.items]
    if bullets:
        return _paragraph(Paragraph(p.text, p.role, p.strong)) + [""] + bullets
    if p.strong:
        head, rest = p.text[: p.strong], p.text[p.strong :]
        # CommonMark does not close ** between "。" and a CJK letter: use inline HTML there.
        if not rest or rest[0].isspace():
            return [f"**{head}**{rest}"]
        return [f"<strong>{head}</strong>{rest}"]
    if p.role == "note":
        return [f"*{p.text}*"]
    return [p.text]


def render_text(memo: Memo) -> str:
    lines = [f"# {memo.title}", "", f"*{memo.subtitle}*"]
    for section in memo.sections:
        lines += ["", f"## {section.heading}"]
        for block in section.blocks:
            if isinstance(block, Figure):
                continue  # charts live in the HTML and Word memos
            lines.append("")
            lines += _table(block) if isinstance(block, Table) else _paragraph(block)
    return "\n".join(lines) + "\n"


def render(memo: Memo) -> bytes:
    return render_text(memo).encode("utf-8")
