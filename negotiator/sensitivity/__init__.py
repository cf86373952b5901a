"""Sensitivity analysis: how sure is the ranking?

Pure cores (no printing): one-way weight sweeps with exact breakpoints,
weight stability intervals, the smallest weight change that flips the
winner, SMAA-2 acceptability, tornado of uncertain scores, and the ranking
under each scenario. Each returns a dataclass with ``to_dict()`` carrying its
provenance (case and case_sha256, method, profile, weights, seed, samples,
version).
"""

from ._common import Provenance, Setup, prepare
from .flip import Flip, FlipResult, flip, solve_flip_lp
from .scenarios import ScenarioResult, scenarios
from .smaa import SmaaResult, WeightModel, smaa
from .stability import StabilityInterval, StabilityResult, stability
from .sweep import Breakpoint, ObjectiveSweep, SweepResult, sweep
from .tornado import TornadoBar, TornadoResult, tornado

__all__ = [
    "Provenance",
    "Setup",
    "prepare",
    "Breakpoint",
    "ObjectiveSweep",
    "SweepResult",
    "sweep",
    "StabilityInterval",
    "StabilityResult",
    "stability",
    "Flip",
    "FlipResult",
    "flip",
    "solve_flip_lp",
    "SmaaResult",
    "WeightModel",
    "smaa",
    "TornadoBar",
    "TornadoResult",
    "tornado",
    "ScenarioResult",
    "scenarios",
]
