"""negotiator.errors: a Problem shortens long words and keeps a Message a Message (its key words it in any language)."""

from __future__ import annotations

import pickle
from dataclasses import replace

from negotiator.errors import LONGEST_WORD, SHOWN, CaseError, Problem, shorten
from negotiator.i18n import core_text
from negotiator.messages import Message


def test_a_long_word_in_plain_english_is_cut():
    p = Problem("unknown objective '" + "g" * 200 + "'", hint="x" * 100)
    assert p.message == "unknown objective '" + "g" * (SHOWN - 1) + "…'"
    assert p.hint == "x" * SHOWN + "…"


def test_a_long_word_in_a_message_is_cut_and_the_message_keeps_its_key():
    long_id = "g" * 200
    p = Problem(Message("ec_no_score", option=long_id, objective="cost"), hint=Message("ec_no_score_hint", option=long_id, objective="cost"))
    assert isinstance(p.message, Message) and p.message.key == "ec_no_score"
    assert isinstance(p.hint, Message) and p.hint.key == "ec_no_score_hint"
    # The English is exactly what shortening the plain text gives (as before messages had keys).
    assert p.message == shorten(str(Message("ec_no_score", option=long_id, objective="cost")))
    assert p.hint == shorten(str(Message("ec_no_score_hint", option=long_id, objective="cost")))
    # Every language gets the shortened id: no megabyte echoed in Chinese either.
    zh = core_text(p.message, "zh")
    assert "g" * SHOWN + "…" in zh and "g" * (SHOWN + 1) not in zh and "cost" in zh and "缺少" in zh
    assert max(len(w) for w in core_text(p.hint, "zh").split()) <= LONGEST_WORD


def test_nested_messages_are_cut_too():
    inner = Message("ec_outside_scale", score="9" * 120, low=0, high=10, objective="a")
    p = Problem(Message("ec_in_scenario", scenario="s1", problem=inner))
    assert p.message.key == "ec_in_scenario" and p.message.params["problem"].key == "ec_outside_scale"
    assert "9" * (SHOWN + 1) not in core_text(p.message, "zh") and "情景" in core_text(p.message, "zh")


def test_a_short_message_is_left_as_it_was():
    m = Message("ec_no_score", option="x", objective="b")
    assert Problem(m).message is m


def test_a_shortened_message_survives_pickling_and_replace():
    p = Problem(Message("ec_no_score", option="o" * 150, objective="b"))
    again = pickle.loads(pickle.dumps(p.message))
    assert again == p.message and again.key == p.message.key and again.params == p.message.params
    moved = replace(p, hint=Message("ec_outside_scale_hint"))  # the TUI's hint swap runs __post_init__ again
    assert moved.message == p.message and moved.message.key == "ec_no_score"


def test_the_error_renders_its_english():
    err = CaseError(Problem(Message("ec_no_score", option="x", objective="b"), file="c.yaml", line=6, hint=Message("ec_no_score_hint", option="x", objective="b")))
    assert str(err) == "c.yaml:6: option 'x' has no score for objective 'b'\n  fix: add `b: <score>` under options.x.scores"
