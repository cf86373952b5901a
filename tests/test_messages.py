"""negotiator.messages: the core's sentences as a key and parameters, English as a str, any language through i18n."""

from __future__ import annotations

import copy
import json
import pickle
import re

from negotiator.i18n import CATALOGUE, core_text
from negotiator.messages import TEMPLATES, Message


def test_a_message_is_its_english_sentence():
    m = Message("how_smaa_conf", samples=10000, chunk=2048, conf=500)
    assert m == "Monte Carlo: 10,000 seeded draws in chunks of 2048, 500 more for the confidence factors"
    assert json.loads(json.dumps({"computation": m})) == {"computation": str(m)}
    for twin in (copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert twin == m and twin.key == m.key and twin.params == m.params


def test_nested_messages_are_worded_in_the_same_language():
    bounds = (Message("wn_bound", objective="a", low=0.1, high=0.2), Message("wn_bound", objective="b", low=0.3, high=0.4))
    m = Message("wn_within_spread", bounds=bounds, spread=0.25)
    assert "a in [0.100, 0.200], b in [0.300, 0.400]" in m and "±25%" in m
    zh = core_text(m, "zh")
    assert "a ∈ [0.100, 0.200], b ∈ [0.300, 0.400]" in zh and "±25%" in zh and " in " not in zh
    search = Message("how_search", how=Message("how_grid_falsi", n=201), method="topsis")
    assert core_text(search, "zh") == "数值搜索（201 个权重的网格，试位法）：topsis 方法在此没有闭式解"
    assert core_text(search, "en") == search == "numerical search (grid of 201 weights, regula falsi): the topsis method has no closed form here"


def test_plain_text_from_the_core_passes_through():
    assert core_text("a case's own words", "zh") == "a case's own words"


def test_every_core_message_is_in_the_catalogue_with_its_english():
    for key, en in TEMPLATES.items():
        assert CATALOGUE[key]["en"] == en
        assert set(re.findall(r"{(\w+)", en)) == set(re.findall(r"{(\w+)", CATALOGUE[key]["zh"])), key


def test_no_parameter_takes_the_name_of_an_argument_of_the_lookup():
    """Message(key, **params) and i18n.tr(key, lang, **params): a parameter called key or lang would clash."""
    import string

    clashing = {k: f for k, t in TEMPLATES.items() if (f := {n for _, n, _, _ in string.Formatter().parse(t) if n} & {"key", "lang"})}
    assert not clashing, clashing


def test_a_message_without_parameters_is_formatted_in_every_language():
    """Escaped braces ("{{b: 3}}" in a template) read as single braces in Chinese as in English."""
    from negotiator.messages import Message

    hint = Message("ey_never_closed_hint")
    assert "'}'" in hint and "'}}'" not in hint
    assert "'}'" in core_text(hint, "zh") and "'}}'" not in core_text(hint, "zh")
