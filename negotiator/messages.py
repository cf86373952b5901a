"""Structured messages of the core: a key and parameters, never a sentence to be parsed back.

An analysis that describes what it did (a provenance line: which analysis, how it was
computed, how the weights were drawn) returns a :class:`Message`. As a ``str`` it is the
English sentence, so JSON, CSV and ``lines()`` print it as before; ``key`` and ``params``
let render/, report/, cli/ and tui/ word it in any language with ``negotiator.i18n``,
whose catalogue takes the English of these keys from :data:`TEMPLATES` and adds the
Chinese (i18n/core.py). This module sits at the bottom layer and imports nothing.
"""

from __future__ import annotations

__all__ = ["Message", "TEMPLATES"]

#: The English of every core message; placeholders as in str.format.
TEMPLATES: dict[str, str] = {
    # -- sensitivity: the analysis
    "an_sweep": "one-way weight sweep",
    "an_stability": "weight stability intervals",
    "an_flip": "smallest weight change ({norm}) that makes each challenger first",
    "an_smaa": "SMAA-2 stochastic acceptability",
    "an_tornado": "tornado of uncertain scores (one at a time, others at their likely value)",
    "an_scenarios": "ranking under each scenario (base-case scales)",
    # -- sensitivity: how the numbers were computed
    "how_sweep_exact": "exact: crossing points of straight lines (additive model)",
    "how_stability_exact": "exact: intersection of half-lines (additive model)",
    "how_flip_exact": "exact: one linear program per challenger, PuLP (additive model)",
    "how_tornado": "exact: the case re-ranked twice per uncertain score ({method})",
    "how_scenarios": "exact: the case ranked under the base scores and each of {n} scenarios ({method})",
    "how_smaa": "Monte Carlo: {samples:,} seeded draws in chunks of {chunk}",
    "how_smaa_conf": "Monte Carlo: {samples:,} seeded draws in chunks of {chunk}, {conf:,} more for the confidence factors",
    "how_search": "numerical search ({how}): the {method} method has no closed form here",
    "how_grid_falsi": "grid of {n} weights, regula falsi",
    "how_grid_bisection": "grid of {n} weights, bisection",
    "how_seeded_bisection": "{n} seeded weight vectors, bisection; distances are upper bounds",
    # -- SMAA: how the weights were drawn instead of the profile's numbers
    "wn_uniform": "drawn uniformly from the simplex (the profile's weights are not used)",
    "wn_order": "drawn uniformly among weights in the order {order} (only the profile's order of importance is used, not its numbers)",
    "wn_order_zero": "drawn uniformly among weights in the order {order}; weight 0: {zero} (only the profile's order of importance is used, not its numbers)",
    "wn_within_given": "drawn uniformly from the simplex within {bounds} (intervals given with --interval; the profile's weights are not used)",
    "wn_within_spread": "drawn uniformly from the simplex within {bounds} (intervals: the profile's weights ±{spread:.0%}; the weights themselves are not used)",
    "wn_within_spread_some": "drawn uniformly from the simplex within {bounds} (intervals: the profile's weights ±{spread:.0%}, some given with --interval; the weights themselves are not used)",
    "wn_bound": "{objective} in [{low:.3f}, {high:.3f}]",
    # -- warnings and names the core hands to a reader
    "pk_tie": "packages {a} and {b} tie on value {value:.6g}: the order between them is arbitrary",
    "ahp_filled_note": "{n} missing comparison(s) filled in from the others (Harker 1987): {pairs}",
    "ahp_filled_note_lls": "{n} missing comparison(s) filled in from the others (logarithmic least squares): {pairs}",
    "ahp_cr_note": "AHP consistency ratio {cr:.3f} is above {limit} (CI {ci:.3f}, RI {ri:.2f}, n = {n}): revisit the most inconsistent judgments: {shown}",
    "ahp_judged_note": "{a} over {b}: judged {v:.3g}, the other judgments imply {imp:.3g}",
    "an_note_analyst": "analyst '{analyst}': {note}",
    "an_note_pooled": "pooled AHP judgments: {note}",
    "an_pooled_name": "{case} (analysts pooled: {pool})",
    # -- errors a user meets most (the others keep their English)
    "err_unknown_profile": "unknown weight profile '{profile}'",
    "err_unknown_method": "unknown method '{method}'",
    "err_use_one_of": "use one of: {choices}",
    "rule_needs_probabilities": "needs the scenarios' probabilities (complete ignorance: none given)",
    "err_no_case": "no such file or folder",
    "err_no_case_hint": "check the path, or run without a CASE to use the bundled case",
    "err_file_exists": "the file already exists; nothing was written",
    "err_file_exists_hint": "pass --force to overwrite it, or choose another name",
    # -- negotiation
    "ng_method_augmecon": "AUGMECON epsilon-constraint MILP (Mavrotas 2009) with the AUGMECON2 jump",
    "ng_batna_no_probabilities": "the walk-away value of '{party}' is derived as an expected value over the scenarios, but the scenarios carry no probabilities (complete ignorance)",
    "ng_batna_no_probabilities_fix": "give every scenario a probability, or give the BATNA of '{party}' as a number (`batna: 40`)",
}


def _english(value) -> object:
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return ", ".join(value)
    return value


class Message(str):
    """A core sentence: ``str(m)`` is its English; ``m.key`` and ``m.params`` word it in another language.

    A parameter may itself be a Message, or a tuple of Messages (joined by commas)."""

    key: str
    params: dict

    def __new__(cls, key: str, **params) -> "Message":
        self = super().__new__(cls, TEMPLATES[key].format(**{k: _english(v) for k, v in params.items()}))
        self.key = key
        self.params = params
        return self

    def __reduce__(self):
        return (_rebuild, (self.key, self.params))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _rebuild(key: str, params: dict) -> Message:
    return Message(key, **params)
