"""What every sensitivity analysis starts from: the case, the weights, the screened matrix.

`prepare` does the shared work once (load, resolve the profile, build the
matrix, screen out options that break a red line) so each analysis is a small
pure function over a `Setup`, and every result carries the same provenance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Callable, Mapping

import numpy as np

from negotiator.messages import Message
from negotiator._version import __version__
from negotiator.errors import Problem, UsageError

__all__ = ["Provenance", "Setup", "prepare", "ADDITIVE", "Progress", "method_scores", "check_objective", "one_way_weights", "JUDGMENT_NOTE"]

ADDITIVE = "additive"

#: Said by every output: the numbers come from judgments.
JUDGMENT_NOTE = "scores and weights are analyst judgments, not facts"

#: progress(done, total): called by long computations; never prints by itself.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Provenance:
    """Where a sensitivity result comes from: enough to reproduce it exactly."""

    analysis: str
    case: str
    case_sha256: str
    method: str
    profile: str | None
    weights: dict[str, float]
    scenario: str | None = None
    seed: int | None = None
    samples: int | None = None
    exact: bool = True  # False when a numerical search stands in for the analytic solution
    computation: str = ""  # how the numbers were computed, in words
    #: When the analysis does not use ``weights`` as they are (SMAA draws them), what it does instead.
    weights_note: str | None = None
    version: str = __version__

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self, short: bool = False) -> list[str]:
        """Human-readable provenance, for table captions and CSV comment lines."""
        sha = self.case_sha256[:12] if short else self.case_sha256
        head = f"method: {self.method}; profile: {self.profile}"
        if self.scenario:
            head += f"; scenario: {self.scenario}"
        if self.seed is not None:
            head += f"; seed: {self.seed}"
        if self.samples is not None:
            head += f"; samples: {self.samples}"
        head += f"; negotiator {self.version}"
        weights = self.weights_note or ", ".join(f"{k}={v:.4f}" for k, v in self.weights.items())
        return [f"{self.analysis} — case: {self.case} (sha256 {sha})", head, f"weights: {weights}", f"computation: {self.computation}", JUDGMENT_NOTE]


@dataclass(frozen=True)
class Setup:
    """A case ready for analysis: the options that pass the red lines, and the weights."""

    loaded: object  # catalog.LoadedCase
    profile: str | None
    weights: dict[str, float]  # objective -> weight, case order, sums to 1
    method: str
    scenario: str | None
    matrix: object  # matrix.DecisionMatrix of the kept options only
    screened: dict[str, str]  # option -> red line broken
    warnings: list[str] = field(default_factory=list)

    @property
    def case(self):
        return self.loaded.case

    @property
    def w(self) -> np.ndarray:
        return np.array([self.weights[o] for o in self.matrix.objectives])

    @property
    def options(self) -> tuple[str, ...]:
        return self.matrix.options

    @property
    def objectives(self) -> tuple[str, ...]:
        return self.matrix.objectives

    @property
    def additive(self) -> bool:
        return self.method == ADDITIVE

    def provenance(self, analysis: str, computation: str, seed: int | None = None, samples: int | None = None, exact: bool = True, weights: Mapping[str, float] | None = None) -> Provenance:
        return Provenance(
            analysis=analysis,
            case=self.loaded.name,
            case_sha256=self.loaded.sha256,
            method=self.method,
            profile=self.profile,
            weights=dict(self.weights if weights is None else weights),
            scenario=self.scenario,
            seed=seed,
            samples=samples,
            exact=exact,
            computation=computation,
        )

    def label(self, option: str, lang: str = "en") -> str:
        opt = self.case.options[option]
        return opt.label_zh if lang == "zh" and opt.label_zh else opt.label

    def objective_label(self, objective: str, lang: str = "en") -> str:
        obj = self.case.objectives[objective]
        return obj.label_zh if lang == "zh" and obj.label_zh else obj.label

    def screened_list(self) -> list[dict]:
        return [{"option": oid, "label": self.case.options[oid].label, "label_zh": self.case.options[oid].label_zh, "reason": why} for oid, why in self.screened.items()]

    def scores(self, weights: np.ndarray, matrix=None) -> np.ndarray:
        """Overall scores (higher is better) of the kept options under a weight vector."""
        return method_scores(self.method, self.matrix if matrix is None else matrix, weights)


def search_note(setup: "Setup", how: Message) -> Message:
    """Words for a numerical search standing in for a closed form."""
    return Message("how_search", how=how, method=setup.method)


def method_scores(method: str, matrix, weights: np.ndarray) -> np.ndarray:
    from negotiator.methods import get_method

    return np.asarray(get_method(method)(matrix, np.asarray(weights, dtype=float)).scores, dtype=float)


def prepare(case=None, profile: str | None = None, method: str = ADDITIVE, weights: Mapping[str, float] | None = None, scenario: str | None = None, min_options: int = 2) -> Setup:
    """Load (if needed), resolve weights, build and screen the matrix, check the method exists."""
    from negotiator.ranking.api import as_loaded, resolve_weights
    from negotiator.model.matrix import build_matrix, screen_options
    from negotiator.methods import get_method

    loaded = as_loaded(case)
    get_method(method)  # an unknown method fails here, before any work
    pid, w = resolve_weights(loaded, profile, weights)
    full = build_matrix(loaded.case, scenario)
    screened = screen_options(loaded.case, full)
    keep = [i for i, oid in enumerate(full.options) if oid not in screened]
    if len(keep) < min_options:
        raise UsageError(
            Problem(
                Message("ps_too_few_options", n=len(keep)),
                hint=Message("ps_too_few_options_hint"),
            )
        )
    warnings = list(full.warnings) + list(getattr(loaded, "warnings", []) or [])
    return Setup(loaded=loaded, profile=pid, weights=w, method=method, scenario=scenario, matrix=full.subset(keep), screened=screened, warnings=warnings)


def check_objective(setup: Setup, objective: str) -> int:
    """Index of an objective, or a clear error naming the known ones."""
    if objective not in setup.objectives:
        raise UsageError(Problem(Message("err_unknown_objective", objective=objective), hint=Message("err_use_one_of", choices=", ".join(setup.objectives))))
    return setup.objectives.index(objective)


def one_way_direction(w0: np.ndarray, k: int) -> np.ndarray:
    """How the other weights share 1 - w_k as w_k moves: in proportion to their current values.

    When w_k is 1 (the others all 0) there is no proportion to keep, so the
    rest is shared equally; said in the output of the analyses that use it.
    """
    rest = np.delete(np.arange(len(w0)), k)
    r = np.zeros_like(w0, dtype=float)
    total = w0[rest].sum()
    if total > 0:
        r[rest] = w0[rest] / total
    elif len(rest):
        r[rest] = 1.0 / len(rest)
    return r


def one_way_weights(w0: np.ndarray, k: int, t) -> np.ndarray:
    """Weight vectors with w_k = t (scalar or array) and the others rescaled in proportion: (..., m)."""
    t = np.asarray(t, dtype=float)
    r = one_way_direction(np.asarray(w0, dtype=float), k)
    w = (1.0 - t)[..., None] * r
    w[..., k] = t
    return w
