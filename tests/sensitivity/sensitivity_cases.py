"""Small cases for the sensitivity tests, written out so every expected number can be checked by hand."""

from __future__ import annotations

from negotiator.case.catalog import load_case_text

#: Three options on three [0, 10] objectives, equal weights; values are score / 10.
#:   A = (1.0, 0.0, 0.5), B = (0.0, 1.0, 0.5), C = (0.5, 0.5, 1.0)
THREE = """
negotiator: 1
title: Three by three
objectives:
  x: {label: X, direction: max, scale: [0, 10]}
  y: {label: Y, direction: max, scale: [0, 10]}
  z: {label: Z, direction: max, scale: [0, 10]}
options:
  A: {label: Option A, label_zh: 方案甲, scores: {x: 10, y: 0, z: 5}}
  B: {label: Option B, scores: {x: 0, y: 10, z: 5}}
  C: {label: Option C, scores: {x: 5, y: 5, z: 10}}
weights:
  equal: {x: 1, y: 1, z: 1}
  x_heavy: {x: 0.7, y: 0.3, z: 0}
"""

#: Two options, two objectives, mirror images: A = (1, 0), B = (0, 1) in value.
SYMMETRIC = """
negotiator: 1
objectives:
  p: {label: P, scale: [0, 1]}
  q: {label: Q, scale: [0, 1]}
options:
  A: {label: A, scores: {p: 1, q: 0}}
  B: {label: B, scores: {p: 0, q: 1}}
weights:
  tilted: {p: 0.7, q: 0.3}
"""

#: D is better than every other option on every objective, even at the ends of the ranges.
DOMINATED = """
negotiator: 1
objectives:
  u: {label: U, scale: [0, 10]}
  v: {label: V, scale: [0, 10]}
  w: {label: W, direction: min, scale: [0, 10]}
options:
  D: {label: D, scores: {u: [8, 9, 10], v: 9, w: 1}}
  E: {label: E, scores: {u: [2, 5, 7], v: [3, 4, 8], w: [2, 3, 5]}}
  F: {label: F, scores: {u: 6, v: [1, 7, 8.5], w: [1.5, 6, 9]}}
weights:
  some: {u: 3, v: 1, w: 1}
"""

#: Two objectives, one uncertain score, for the exact integral of the acceptability.
#: A = (a1, 0.2) with a1 ~ Triangular(0.1, 0.5, 0.9); B = (0.4, 0.6).
INTEGRAL = """
negotiator: 1
objectives:
  g: {label: G, scale: [0, 1]}
  h: {label: H, scale: [0, 1]}
options:
  A: {label: A, scores: {g: [0.1, 0.5, 0.9], h: 0.2}}
  B: {label: B, scores: {g: 0.4, h: 0.6}}
  C: {label: C, scores: {g: 0.7, h: 0.1}}
weights:
  even: {g: 1, h: 1}
  order: [h, g]
"""


def load(text: str):
    return load_case_text(text, name="test-case")
