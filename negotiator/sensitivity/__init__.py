"""Sensitivity analysis: how sure is the ranking?

Pure cores (no printing): one-way weight sweeps with exact breakpoints,
weight stability intervals, the smallest weight change that flips the
winner, SMAA-2 acceptability, tornado of uncertain scores, and the ranking
under each scenario. Each returns a dataclass with ``to_dict()`` carrying its
provenance (case and case_sha256, method, profile, weights, seed, samples,
version).
"""

from negotiator.sensitivity._common import Provenance, Setup, prepare
from negotiator.sensitivity.flip import Flip, FlipResult, flip, solve_flip_lp
from negotiator.sensitivity.scenarios import ScenarioResult, scenarios
from negotiator.sensitivity.smaa import SmaaResult, WeightModel, smaa
from negotiator.sensitivity.stability import StabilityInterval, StabilityResult, stability
from negotiator.sensitivity.sweep import Breakpoint, ObjectiveSweep, SweepResult, sweep
from negotiator.sensitivity.tornado import TornadoBar, TornadoResult, tornado

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
