"""`negotiator show --scores` and `show --rationale OPTION`: print the score matrix (core: score_matrix.py)."""

from __future__ import annotations

from typing import Optional

from negotiator.cli.common import Format, console, emit_json, emit_text


def print_scores(loaded, fmt: Format, lang: str, rationale: Optional[str]) -> None:
    """The whole matrix, or one option's scores with their rationales, in the format asked for."""
    from negotiator.render import score_matrix as views
    from negotiator.model.score_matrix import score_matrix

    m = score_matrix(loaded)
    if rationale is not None:
        m.row(rationale)  # an unknown option id stops here, before anything is printed
        if fmt is Format.json:
            emit_json(views.rationale_dict(m, rationale))
        elif fmt is Format.csv:
            emit_text(views.rationale_csv(m, rationale))
        elif fmt is Format.markdown:
            emit_text(views.rationale_markdown(m, rationale, lang))
        else:
            console().print(views.rationale_table(m, rationale, lang))
        return
    if fmt is Format.json:
        emit_json(m.to_dict())
    elif fmt is Format.csv:
        emit_text(views.score_matrix_csv(m))
    elif fmt is Format.markdown:
        emit_text(views.score_matrix_markdown(m, lang))
    else:
        con = console()
        for table in views.score_matrix_tables(m, lang, width=con.width):
            con.print(table)
