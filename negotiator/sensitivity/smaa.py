"""SMAA-2: stochastic multicriteria acceptability analysis (Lahdelma and Salminen 2001).

Weights are drawn from what is known about them (nothing: uniform on the
simplex; an order of importance: uniform on the ordered part of the simplex;
intervals: uniform on the simplex within them; or fixed at the profile), and
each uncertain score from the triangular distribution on its [low, likely,
high] range (both samplers live in negotiator/model/sampling.py, shared with
`portfolio --core`). For every draw the options are ranked; the outputs are

- the rank acceptability index b_i^r: the share of draws in which option i
  takes rank r (ties share the better rank, as in `negotiator rank`);
- the central weight vector w_i^c: the mean of the weights of the draws in
  which i comes first (the typical preferences that favour it);
- the confidence factor p_i^c: the share of score draws in which i comes
  first when the weights are held at w_i^c;
- the holistic acceptability a_i = sum_r alpha_r b_i^r with the linear
  meta-weights alpha_r = (n - r) / (n - 1).

Reference: R. Lahdelma, P. Salminen (2001), "SMAA-2: Stochastic multicriteria
acceptability analysis for group decision making", Operations Research
49(3):444-454.

Speed and reproducibility. Work is done in chunks of a FIXED size (CHUNK,
independent of the sample count), each drawn from its own generator seeded
by (seed, chunk index), and combined in chunk order. So the same seed gives
byte-identical numbers whatever the number of worker threads, memory does not
grow with the sample count, and the first N draws of a longer run are the
draws of a run with N samples. Under the additive model the overall scores
are one matrix product per chunk plus a correction for the uncertain cells
only (value functions still go through DecisionMatrix.values()).
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from dataclasses import dataclass, field, replace

import numpy as np

from negotiator.messages import Message
from negotiator.errors import Problem, UsageError
from negotiator.methods import get_batch
from negotiator.methods._common import criterion_table, criterion_tables
from negotiator.model.sampling import order_groups, ordered_weights, spread_box, triangular_inverse_cdf, uniform_simplex, weights_in_box
from negotiator.ranking.result import TIE_TOLERANCE
from negotiator.sensitivity._common import Progress, Provenance, Setup, prepare

__all__ = [
    "WEIGHT_MODELS",
    "WeightModel",
    "SmaaResult",
    "smaa",
    "smaa_setup",
    "weight_model_for",
]

WEIGHT_MODELS = ("uniform", "order", "intervals", "fixed")
#: Draws per chunk. Fixed, so that results never depend on how the work is split.
CHUNK = 2048
DEFAULT_SAMPLES = 10_000
DEFAULT_SEED = 0  # the same default as the memo and portfolio --core
#: Cap on the score draws used for the confidence factors (a second pass). A method with no
#: vectorised form (methods.BATCH) is evaluated draw by draw, once per option that is ever first: a lower cap.
DEFAULT_CONFIDENCE_SAMPLES = 20_000
DEFAULT_CONFIDENCE_SAMPLES_OTHER_METHODS = 1_000


# -- weights -------------------------------------------------------------------


@dataclass(frozen=True)
class WeightModel:
    """What is known about the weights, as a sampling distribution."""

    kind: str  # one of WEIGHT_MODELS
    objectives: tuple[str, ...]
    fixed: np.ndarray | None = None  # kind "fixed": the weights
    order_groups: np.ndarray | None = None  # kind "order": importance group per objective (0 = most important, -1 = weight 0)
    low: np.ndarray | None = None  # kind "intervals"
    high: np.ndarray | None = None

    def describe(self) -> str:
        if self.kind == "uniform":
            return "uniform on the simplex (nothing assumed about the weights)"
        if self.kind == "fixed":
            return "fixed at the profile (only the scores vary)"
        if self.kind == "order":
            groups = self.order_groups
            ranked = sorted({int(g) for g in groups if g >= 0})
            parts = [" = ".join(o for o, g in zip(self.objectives, groups) if g == r) for r in ranked]
            zero = [o for o, g in zip(self.objectives, groups) if g < 0]
            text = "uniform among weights in the order " + " >= ".join(parts)
            return text + (f"; weight 0: {', '.join(zero)}" if zero else "")
        bounds = ", ".join(f"{o} in [{lo:.3f}, {hi:.3f}]" for o, lo, hi in zip(self.objectives, self.low, self.high))
        return "uniform on the simplex within " + bounds

    @property
    def uses_profile_weights(self) -> bool:
        return self.kind == "fixed"

    def weights_note(self, spread: float | None = None, some_given: bool = False) -> Message | None:
        """What the weights line of the provenance says instead of the profile's numbers (None: they are used)."""
        if self.kind == "fixed":
            return None
        if self.kind == "uniform":
            return Message("wn_uniform")
        if self.kind == "order":
            groups = self.order_groups
            parts = [" = ".join(o for o, g in zip(self.objectives, groups) if g == r) for r in sorted({int(g) for g in groups if g >= 0})]
            zero = [o for o, g in zip(self.objectives, groups) if g < 0]
            order = " >= ".join(parts)
            return Message("wn_order_zero", order=order, zero=", ".join(zero)) if zero else Message("wn_order", order=order)
        bounds = tuple(Message("wn_bound", objective=o, low=lo, high=hi) for o, lo, hi in zip(self.objectives, self.low, self.high))
        if spread is None:
            return Message("wn_within_given", bounds=bounds)
        return Message("wn_within_spread_some" if some_given else "wn_within_spread", bounds=bounds, spread=spread)

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind, "description": self.describe(), "weights_used": self.uses_profile_weights}
        if self.kind == "intervals":
            out["intervals"] = {o: [float(lo), float(hi)] for o, lo, hi in zip(self.objectives, self.low, self.high)}
        if self.kind == "order":
            out["order_groups"] = {o: int(g) for o, g in zip(self.objectives, self.order_groups)}
        return out


def _order_groups(case, profile: str | None, weights: dict[str, float]) -> np.ndarray:
    """Importance group of each objective: the list order, or the numbers' order (ties share a group)."""
    objectives = list(case.objectives)
    spec = case.weights.get(profile) if profile in case.weights else None
    if isinstance(spec, list):
        return order_groups(objectives, spec)
    groups = np.full(len(objectives), -1)
    distinct = sorted({round(v, 12) for v in weights.values() if v > 0}, reverse=True)
    for j, obj in enumerate(objectives):
        v = round(weights[obj], 12)
        if v > 0:
            groups[j] = distinct.index(v)
    return groups


def weight_model_for(setup: Setup, kind: str | None = None, intervals: dict[str, tuple[float, float]] | None = None, spread: float | None = None) -> WeightModel:
    """The weight model asked for; by default an order when the profile is one, else uniform."""
    objectives = setup.objectives
    if intervals or spread is not None:
        if kind not in (None, "intervals"):
            raise UsageError(Problem(Message("ps_intervals_model", kind=kind), hint=Message("ps_intervals_model_hint")))
        kind = "intervals"
    if kind is None:
        spec = setup.case.weights.get(setup.profile) if setup.profile else None
        kind = "order" if isinstance(spec, list) else "uniform"
    if kind not in WEIGHT_MODELS:
        raise UsageError(Problem(Message("ps_unknown_model", kind=kind), hint=Message("err_use_one_of", choices=", ".join(WEIGHT_MODELS))))
    if kind == "fixed":
        return WeightModel(kind, objectives, fixed=setup.w.copy())
    if kind == "order":
        return WeightModel(kind, objectives, order_groups=_order_groups(setup.case, setup.profile, setup.weights))
    if kind == "uniform":
        return WeightModel(kind, objectives)
    low, high = _interval_bounds(setup, intervals, spread)
    return WeightModel(kind, objectives, low=low, high=high)


def _spread_used(intervals, spread) -> float | None:
    """The --spread the interval model was built with (0.25 when neither spread nor intervals is given)."""
    if spread is None and not intervals:
        return 0.25
    return spread


def _interval_bounds(setup: Setup, intervals, spread) -> tuple[np.ndarray, np.ndarray]:
    objectives = setup.objectives
    if spread is None and not intervals:
        spread = 0.25
    if spread is not None:
        low, high = spread_box(setup.w, spread)
    else:
        low, high = np.zeros(len(objectives)), np.ones(len(objectives))
    for obj, (lo, hi) in (intervals or {}).items():
        if obj not in objectives:
            raise UsageError(Problem(Message("ps_interval_unknown", objective=obj), hint=Message("err_use_one_of", choices=", ".join(objectives))))
        if not (math.isfinite(lo) and math.isfinite(hi) and 0 <= lo <= hi <= 1):
            raise UsageError(Problem(Message("ps_interval_range", objective=obj, low=lo, high=hi), hint=Message("ps_interval_range_hint", objective=obj)))
        j = objectives.index(obj)
        low[j], high[j] = lo, hi
    if low.sum() > 1 + 1e-12:
        raise UsageError(Problem(Message("ps_interval_low_sum", total=float(low.sum())), hint=Message("ps_interval_low_sum_hint")))
    if high.sum() < 1 - 1e-12:
        raise UsageError(Problem(Message("ps_interval_high_sum", total=float(high.sum())), hint=Message("ps_interval_high_sum_hint")))
    return low, high


def _draw_weights(model: WeightModel, rng: np.random.Generator, size: int) -> tuple[np.ndarray, int]:
    """(weights (size, m), candidates drawn); candidates > size only under rejection."""
    m = len(model.objectives)
    if model.kind == "fixed":
        return np.broadcast_to(model.fixed, (size, m)), size
    if model.kind == "uniform":
        return uniform_simplex(rng, size, m), size
    if model.kind == "order":
        return ordered_weights(model.order_groups, rng, size), size
    return weights_in_box(model.low, model.high, rng, size)


# -- scores --------------------------------------------------------------------


@dataclass(frozen=True)
class _Uncertain:
    """The cells with a [low, likely, high] range, laid out for one values() call per chunk."""

    option: np.ndarray  # (K,) row of each uncertain cell
    objective: np.ndarray  # (K,) column
    layer: np.ndarray  # (K,) slot among the uncertain cells of the same objective
    layers: int
    low: np.ndarray
    mode: np.ndarray
    high: np.ndarray
    base_value: np.ndarray  # (K,) value of the likely score
    by_option: np.ndarray  # (K,) the cells reordered by option, for np.add.reduceat
    starts: np.ndarray  # where each owning option's run of cells starts in that order
    owners: np.ndarray  # the options that own uncertain cells

    @property
    def count(self) -> int:
        return len(self.option)


def _uncertain_cells(matrix, base_values: np.ndarray) -> _Uncertain:
    rows, cols = np.nonzero(matrix.high > matrix.low)
    order = np.lexsort((rows, cols))  # by objective, then option
    rows, cols = rows[order], cols[order]
    layer = np.zeros(len(rows), dtype=int)
    for k in range(1, len(rows)):
        layer[k] = layer[k - 1] + 1 if cols[k] == cols[k - 1] else 0
    by_option = np.argsort(rows, kind="stable")
    owners, starts = np.unique(rows[by_option], return_index=True)
    layers = int(layer.max()) + 1 if len(rows) else 0
    return _Uncertain(rows, cols, layer, layers, matrix.low[rows, cols], matrix.likely[rows, cols], matrix.high[rows, cols], base_values[rows, cols], by_option, starts, owners)


def _weighted_sum(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(size, n) scores sum_j weights[s, j] * values[i, j].

    A plain matrix product: with ~10 objectives it is far too small for BLAS to start
    threads, and it is 20x faster than any loop. The larger, awkwardly shaped products
    below are written out instead: there BLAS threads would fight our worker threads.
    """
    return np.dot(weights, np.ascontiguousarray(values.T))


def _add_cell_changes(scores: np.ndarray, delta: np.ndarray, cell_weights: np.ndarray, cells: "_Uncertain") -> None:
    """scores[:, i] += sum over option i's uncertain cells of weight * value change (in place)."""
    contrib = (delta * cell_weights)[:, cells.by_option]
    scores[:, cells.owners] += np.add.reduceat(contrib, cells.starts, axis=1)


def _draw_value_changes(matrix, cells: _Uncertain, rng: np.random.Generator, size: int) -> np.ndarray:
    """(size, K): value of each drawn score minus the value of the likely score."""
    u = rng.random((size, cells.count))
    drawn = triangular_inverse_cdf(u, cells.low, cells.mode, cells.high)
    # One values() call: cell k goes to slot (layer_k, objective_k) of a (size, layers, m) array.
    grid = np.broadcast_to(matrix.scale_low, (size, cells.layers, matrix.shape[1])).copy()
    grid[:, cells.layer, cells.objective] = drawn
    values = matrix.values(grid)[:, cells.layer, cells.objective]
    return values - cells.base_value


# -- ranking -------------------------------------------------------------------


def competition_ranks_rows(scores: np.ndarray, tol: float = TIE_TOLERANCE) -> tuple[np.ndarray, np.ndarray]:
    """(order, rank at each sorted position) row by row; ties share the better rank (1, 1, 3)."""
    order = np.argsort(-scores, axis=1)
    size, n = scores.shape
    # The sorted scores by one flat gather (about twice as fast as take_along_axis's 2-d indexing).
    ranked = np.ascontiguousarray(scores).ravel()[order + _row_starts(size, n)]
    tied = ranked[:, :-1] - ranked[:, 1:] <= tol
    if not tied.any():  # the usual case with continuous draws: rank = position
        return order, np.broadcast_to(np.arange(1, n + 1), scores.shape)
    pos = np.broadcast_to(np.arange(1, n + 1), scores.shape).copy()
    pos[:, 1:][tied] = 0
    return order, np.maximum.accumulate(pos, axis=1)


@lru_cache(maxsize=8)
def _row_starts(size: int, n: int) -> np.ndarray:
    """(size, 1) flat index of each row's first element in a C-ordered (size, n) array (read-only, shared)."""
    out = (np.arange(size) * n)[:, None]
    out.flags.writeable = False
    return out


@lru_cache(maxsize=8)
def _positions(n: int) -> np.ndarray:
    out = np.arange(n)
    out.flags.writeable = False
    return out


def _tally_ranks(order: np.ndarray, rank_at: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(counts (n, n) option x rank, weight sums (n, m) over the draws where each option is first)."""
    size, n = order.shape
    m = weights.shape[1]
    slot = order * n
    if rank_at.strides[0] == 0:  # tie-free chunk (a broadcast 1..n): rank - 1 is the position
        slot += _positions(n)
    else:
        slot += rank_at
        slot -= 1
    counts = np.bincount(slot.ravel(), minlength=n * n).reshape(n, n)
    if rank_at.strides[0] == 0:  # tie-free chunk: the first is order[:, 0]
        firsts, first_weights = order[:, 0], weights
    else:
        rows, pos = np.nonzero(rank_at == 1)  # in row order, so the sums add up in a fixed order
        firsts, first_weights = order[rows, pos], weights[rows]
    slots = (firsts[:, None] * m + np.arange(m)).ravel()
    sums = np.bincount(slots, weights=first_weights.ravel(), minlength=n * m).reshape(n, m)
    return counts.astype(np.int64, copy=False), sums


@dataclass
class _Tally:
    counts: np.ndarray  # (n, n) int64: option x rank
    weight_sums: np.ndarray  # (n, m): sum of the weights of the draws where the option is first
    drawn: int = 0  # weight candidates drawn (> samples under rejection)


def _chunk_rng(seed: int, chunk: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([seed, chunk, stream])


def _chunk_sizes(samples: int) -> list[int]:
    full, rest = divmod(samples, CHUNK)
    return [CHUNK] * full + ([rest] if rest else [])


class _Simulation:
    """The pieces a chunk needs, computed once."""

    def __init__(self, setup: Setup, model: WeightModel, seed: int):
        self.setup, self.model, self.seed = setup, model, seed
        self.matrix = setup.matrix
        self.base_values = self.matrix.values()  # (n, m)
        self.cells = _uncertain_cells(self.matrix, self.base_values)
        # The other methods' criterion table (values for objectives with a value function): once, not per chunk.
        self.criteria = None if setup.additive else criterion_table(self.matrix)

    def scores(self, weights: np.ndarray, rng: np.random.Generator, size: int) -> np.ndarray:
        """(size, n) overall scores for a chunk of weight draws (and fresh score draws)."""
        if not self.setup.additive:
            return self._scores_any_method(weights, rng, size)
        s = _weighted_sum(weights, self.base_values)
        if self.cells.count:
            delta = _draw_value_changes(self.matrix, self.cells, rng, size)
            _add_cell_changes(s, delta, weights[:, self.cells.objective], self.cells)
        return s

    def _scores_any_method(self, weights: np.ndarray, rng: np.random.Generator, size: int) -> np.ndarray:
        cells = self.cells
        drawn = triangular_inverse_cdf(rng.random((size, cells.count)), cells.low, cells.mode, cells.high) if cells.count else None
        batch = get_batch(self.setup.method)
        if batch is not None:
            return self._scores_batch(batch, weights, drawn, size)
        return self._scores_draw_by_draw(weights, drawn, size)

    def _scores_batch(self, batch, weights: np.ndarray, drawn: np.ndarray | None, size: int) -> np.ndarray:
        """The whole chunk in one call of the method's vectorised form (the same numbers as draw by draw)."""
        x, maximise = self.criteria
        if drawn is not None:
            cells = self.cells
            likely = np.broadcast_to(self.matrix.likely, (size,) + self.matrix.shape).copy()
            likely[:, cells.option, cells.objective] = drawn
            x = criterion_tables(self.matrix, likely)
        return batch(self.matrix, x, maximise, np.ascontiguousarray(weights))

    def _scores_draw_by_draw(self, weights: np.ndarray, drawn: np.ndarray | None, size: int) -> np.ndarray:
        """A method without a vectorised form: one call per draw (slow, but any method works)."""
        cells = self.cells
        out = np.empty((size, self.matrix.shape[0]))
        for s in range(size):
            m = self.matrix
            if drawn is not None:
                likely = m.likely.copy()
                likely[cells.option, cells.objective] = drawn[s]
                m = replace(m, likely=likely)
            out[s] = self.setup.scores(weights[s], m)
        return out

    def run_chunk(self, index: int, size: int) -> _Tally:
        rng = _chunk_rng(self.seed, index, 0)
        # Always draw a full chunk of weights: a short last chunk uses its first rows, so the
        # draws of a run with N samples are the first N draws of any longer run.
        weights, drawn = _draw_weights(self.model, rng, CHUNK)
        weights = np.ascontiguousarray(weights[:size])
        scores = self.scores(weights, rng, size)
        counts, sums = _tally_ranks(*competition_ranks_rows(scores), weights)
        return _Tally(counts, sums, drawn)

    def confidence_chunk(self, index: int, size: int, central: np.ndarray, who: np.ndarray) -> np.ndarray:
        """Per option in ``who``: draws (of this chunk) in which it is first at its central weights."""
        rng = _chunk_rng(self.seed, index, 1)
        hits = np.zeros(len(who), dtype=np.int64)
        if self.setup.additive:
            delta = _draw_value_changes(self.matrix, self.cells, rng, size)
            for c, i in enumerate(who):
                w = central[i]
                s = np.broadcast_to(_weighted_sum(w[None, :], self.base_values), (size, self.base_values.shape[0])).copy()
                _add_cell_changes(s, delta, w[self.cells.objective], self.cells)
                hits[c] = np.count_nonzero(s[:, i] >= s.max(axis=1) - TIE_TOLERANCE)
            return hits
        for c, i in enumerate(who):
            s = self._scores_any_method(np.broadcast_to(central[i], (size, len(central[i]))), _chunk_rng(self.seed, index, 2 + c), size)
            hits[c] = np.count_nonzero(s[:, i] >= s.max(axis=1) - TIE_TOLERANCE)
        return hits


# -- result ----------------------------------------------------------------------


@dataclass(frozen=True)
class SmaaResult:
    provenance: Provenance
    options: tuple[str, ...]
    objectives: tuple[str, ...]
    weight_model: WeightModel
    acceptability: np.ndarray  # (n, n): option x rank, shares of the draws
    central_weights: np.ndarray  # (n, m), NaN rows for options never first
    confidence: np.ndarray  # (n,), NaN for options never first
    holistic: np.ndarray  # (n,)
    uncertain_scores: int  # cells drawn from a triangular range
    confidence_samples: int
    weight_acceptance: float = 1.0  # share of weight candidates kept (intervals only)
    screened_out: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def samples(self) -> int:
        return int(self.provenance.samples)

    @property
    def max_standard_error(self) -> float:
        """Largest standard error of any acceptability index: sqrt(b(1-b)/N) <= 0.5/sqrt(N)."""
        b = self.acceptability
        return float(np.sqrt((b * (1 - b)).max() / self.samples))

    def order(self) -> list[int]:
        """Options by first-rank acceptability, then holistic acceptability."""
        return sorted(range(len(self.options)), key=lambda i: (-self.acceptability[i, 0], -self.holistic[i], self.options[i]))

    def to_dict(self) -> dict:
        def opt(x):
            return None if np.isnan(x) else float(x)

        rows = []
        for i in self.order():
            first = self.acceptability[i, 0] > 0
            rows.append(
                {
                    "option": self.options[i],
                    "acceptability": [float(b) for b in self.acceptability[i]],
                    "holistic_acceptability": float(self.holistic[i]),
                    "central_weights": {o: float(self.central_weights[i, j]) for j, o in enumerate(self.objectives)} if first else None,
                    "confidence_factor": opt(self.confidence[i]),
                }
            )
        return {
            **self.provenance.to_dict(),
            "weight_model": self.weight_model.to_dict(),
            "weights_used": self.weight_model.uses_profile_weights,
            "weight_acceptance": self.weight_acceptance,
            "uncertain_scores": self.uncertain_scores,
            "confidence_samples": self.confidence_samples,
            "max_standard_error": self.max_standard_error,
            "ties_share_the_better_rank": True,
            "options": rows,
            "screened_out": self.screened_out,
            "warnings": self.warnings,
        }


def _check_counts(samples: int, confidence_samples: int | None, seed: int) -> None:
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 1:
        raise UsageError(Problem(Message("ps_samples", samples=samples), hint=Message("ps_samples_hint")))
    if confidence_samples is not None and confidence_samples < 1:
        raise UsageError(Problem(Message("ps_confidence_samples", samples=confidence_samples)))
    if seed < 0:
        raise UsageError(Problem(Message("ps_seed", seed=seed)))


def smaa_setup(
    setup: Setup,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    weight_model: str | None = None,
    intervals: dict[str, tuple[float, float]] | None = None,
    spread: float | None = None,
    confidence_samples: int | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> SmaaResult:
    _check_counts(samples, confidence_samples, seed)
    model = weight_model_for(setup, weight_model, intervals, spread)
    sim = _Simulation(setup, model, seed)
    n, m = setup.matrix.shape
    sizes = _chunk_sizes(samples)
    cap = DEFAULT_CONFIDENCE_SAMPLES if setup.additive or get_batch(setup.method) else DEFAULT_CONFIDENCE_SAMPLES_OTHER_METHODS
    conf_n = min(samples, cap) if confidence_samples is None else confidence_samples
    conf_sizes = _chunk_sizes(conf_n) if sim.cells.count else []
    total_work = len(sizes) + len(conf_sizes)

    counts = np.zeros((n, n), dtype=np.int64)
    weight_sums = np.zeros((n, m))
    drawn = 0  # weight candidates drawn, CHUNK per chunk unless rejection discards some
    done = 0
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        # map() yields in chunk order, so the sums are added in the same order every time.
        for tally in pool.map(sim.run_chunk, range(len(sizes)), sizes):
            counts += tally.counts
            weight_sums += tally.weight_sums
            drawn += tally.drawn
            done += 1
            if progress:
                progress(done, total_work)
        firsts = counts[:, 0]
        who = np.flatnonzero(firsts > 0)
        central = np.full((n, m), np.nan)
        central[who] = weight_sums[who] / firsts[who, None]
        confidence = np.full(n, np.nan)
        if conf_sizes:
            hits = np.zeros(len(who), dtype=np.int64)
            for part in pool.map(lambda k: sim.confidence_chunk(k, conf_sizes[k], central, who), range(len(conf_sizes))):
                hits += part
                done += 1
                if progress:
                    progress(done, total_work)
            confidence[who] = hits / conf_n
        else:
            conf_n = 0
            for i in who:  # no score uncertainty: first or not, at its central weights
                s = setup.scores(central[i])
                confidence[i] = float(s[i] >= s.max() - TIE_TOLERANCE)
    acceptability = counts / samples
    meta = (n - np.arange(1, n + 1)) / (n - 1)
    warnings = list(setup.warnings)
    if not setup.additive and get_batch(setup.method) is None:
        warnings.append(f"the {setup.method} method is evaluated draw by draw (no vectorised form): expect it to be much slower than additive")
    how = Message("how_smaa_conf", samples=samples, chunk=CHUNK, conf=conf_n) if conf_n else Message("how_smaa", samples=samples, chunk=CHUNK)
    prov = replace(setup.provenance(Message("an_smaa"), how, seed=seed, samples=samples), weights_note=model.weights_note(_spread_used(intervals, spread), bool(intervals)))
    return SmaaResult(prov, setup.options, setup.objectives, model, acceptability, central, confidence, acceptability @ meta, sim.cells.count, conf_n, len(sizes) * CHUNK / drawn, setup.screened_list(), warnings)


def smaa(
    case=None,
    profile: str | None = None,
    method: str = "additive",
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    weight_model: str | None = None,
    intervals: dict[str, tuple[float, float]] | None = None,
    spread: float | None = None,
    confidence_samples: int | None = None,
    weights=None,
    scenario: str | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> SmaaResult:
    """SMAA-2 rank acceptability, central weights and confidence factors of a case."""
    _check_counts(samples, confidence_samples, seed)
    setup = prepare(case, profile, method, weights, scenario)
    return smaa_setup(setup, samples, seed, weight_model, intervals, spread, confidence_samples, workers, progress)
