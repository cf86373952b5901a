"""Small builders shared by the negotiation tests (random agendas, YAML snippets)."""

from __future__ import annotations

import numpy as np

from negotiator.negotiation.agenda import Agenda


def random_agenda(rng: np.random.Generator, n_issues: int, max_levels: int, integer: bool = True) -> Agenda:
    """An agenda with random weights (some zero) and values; integer values make ties likely."""
    levels = [int(rng.integers(2, max_levels + 1)) for _ in range(n_issues)]
    weights = []
    for _ in range(2):
        raw = rng.integers(0, 10, n_issues).astype(float)
        if raw.sum() == 0:
            raw[:] = 1.0
        weights.append(tuple(float(w) for w in raw / raw.sum()))
    values = []
    for _ in range(2):
        per_issue = []
        for n in levels:
            v = rng.integers(0, 101, n) if integer else rng.uniform(0, 100, n)
            per_issue.append(tuple(float(x) for x in v))
        values.append(tuple(per_issue))
    ids = tuple(f"i{k}" for k in range(n_issues))
    lv = tuple(tuple(f"l{j}" for j in range(n)) for n in levels)
    return Agenda(
        id="random", label="random", label_zh=None, parties=("p", "q"), party_labels=("P", "Q"), party_labels_zh=(None, None),
        issues=ids, issue_labels=ids, issue_labels_zh=tuple(None for _ in ids), levels=lv, level_labels=lv,
        level_labels_zh=tuple(tuple(None for _ in l) for l in lv), weights=tuple(weights), values=tuple(values),
        status_quo=tuple(0 for _ in ids),
    )


CASE_HEAD = """negotiator: 1
title: Negotiation test case
objectives:
  gain: {label: Gain, scale: [0, 10]}
options:
  only: {label: Only option, scores: {gain: 5}}
"""


#: Nash's "Bill and Jack" barter: J. F. Nash (1950), The Bargaining Problem, Econometrica 18(2):155-162,
#: the table of goods (utility of each item to Bill and to Jack). Each item is an issue whose levels are
#: who holds it; each side's utility is the sum of the values of what it holds (utility: sum); the
#: walk-away is what each holds before trading (Bill 2+2+2+2+4 = 12, Jack 1+1+2+2 = 6). 2^9 = 512 packages.
BILL_AND_JACK = """negotiator: 1
title: Bill and Jack
negotiations:
  barter:
    label: "Bill and Jack's barter (Nash 1950)"
    source: "Nash (1950), Econometrica 18(2):155-162, the table of goods"
    utility: sum
    parties:
      bill: {label: Bill, batna: 12}
      jack: {label: Jack, batna: 6}
    issues:
      book:  {label: book,  status_quo: bill, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 2, jack: 0}, jack: {bill: 0, jack: 4}}}
      whip:  {label: whip,  status_quo: bill, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 2, jack: 0}, jack: {bill: 0, jack: 2}}}
      ball:  {label: ball,  status_quo: bill, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 2, jack: 0}, jack: {bill: 0, jack: 1}}}
      bat:   {label: bat,   status_quo: bill, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 2, jack: 0}, jack: {bill: 0, jack: 2}}}
      box:   {label: box,   status_quo: bill, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 4, jack: 0}, jack: {bill: 0, jack: 1}}}
      pen:   {label: pen,   status_quo: jack, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 10, jack: 0}, jack: {bill: 0, jack: 1}}}
      toy:   {label: toy,   status_quo: jack, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 4, jack: 0}, jack: {bill: 0, jack: 1}}}
      knife: {label: knife, status_quo: jack, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 6, jack: 0}, jack: {bill: 0, jack: 2}}}
      hat:   {label: hat,   status_quo: jack, levels: {bill: {label: Bill}, jack: {label: Jack}}, values: {bill: {bill: 2, jack: 0}, jack: {bill: 0, jack: 2}}}
"""
