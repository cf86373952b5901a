"""`negotiator portfolio`: the best package of measures under budgets, rules and red lines.

`negotiator portfolio [CASE]` solves (the group's default command is `solve`);
`negotiator portfolio sweep --resource R --from A --to B` traces the frontier.
Heavy imports (pulp, numpy, rich tables) happen inside the commands.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from negotiator.cli._app import app
from negotiator.messages import Message
from negotiator.cli.common import CaseArg, Format, FormatOpt, MethodOpt, ProfileOpt, console, emit_result, gathered_options, load, warn


class _PortfolioGroup(TyperGroup):
    """A group whose default command is `solve`, so `negotiator portfolio CASE --top 3` works."""

    default_command = "solve"

    def parse_args(self, ctx, args):
        args = list(args)
        help_only = args and args[0] in ("-h", "--help")
        if not help_only and (not args or args[0] not in self.commands):
            args.insert(0, self.default_command)
        # `--robust` alone means `--robust profiles`.
        for i, a in enumerate(args):
            if a == "--robust":
                nxt = args[i + 1] if i + 1 < len(args) else None
                if nxt is None or nxt.startswith("-") or (nxt not in ("profiles", "scenarios") and os.path.exists(nxt)):
                    args.insert(i + 1, "profiles")
                break
        return super().parse_args(ctx, args)

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, "[solve] [CASE]... [OPTIONS] | sweep [CASE]... --resource R --from A --to B")


portfolio_app = typer.Typer(
    cls=_PortfolioGroup,
    help="The best package of measures that fits the budgets, prerequisites, exclusions and red lines "
    "(a mixed-integer program). `negotiator portfolio [CASE]` solves (options: `negotiator portfolio solve --help`); "
    "`sweep` traces a budget frontier. Exit 1 when no package fits, 2 for bad input.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(portfolio_app, name="portfolio")


class Across(str, Enum):
    profiles = "profiles"
    scenarios = "scenarios"


class Solver(str, Enum):
    cbc = "cbc"
    highs = "highs"


ScenarioOpt = typer.Option(None, "--scenario", help="Value options under one scenario of the other side's behaviour.")
BudgetOpt = typer.Option(None, "--budget", "-b", help="What-if cap, RESOURCE=NUMBER (repeatable), e.g. --budget staff=40.")
CountOpt = typer.Option(None, "--count", help="What-if number of measures: MIN:MAX or N, e.g. --count 2:5.")
IncludeOpt = typer.Option(None, "--include", "-i", help="Force an option into the package (repeatable).")
ExcludeOpt = typer.Option(None, "--exclude", "-x", help="Keep an option out of the package (repeatable).")
SolverOpt = typer.Option(None, "--solver", help="MILP solver: cbc (bundled with PuLP) or highs (highspy). Default: cbc, or highs where PuLP has no CBC.", case_sensitive=False, show_default=False)
TimeLimitOpt = typer.Option(10.0, "--time-limit", help="Seconds per solve (0 = no limit). The output says whether optimality was proven.")
GapOpt = typer.Option(
    None,
    "--gap",
    help="Stop when proven within this fraction of the best possible value (0 = prove optimal; 0.001 = 0.1%). "
    "Default: 0.001 for the best package of a case of more than 60 options, 0 (exact) for smaller cases and for --top. "
    "The output says what was proven.",
    show_default=False,
)
VerboseOpt = typer.Option(False, "--verbose", help="Show the solver's own messages (on stderr).")
BaselineOpt = typer.Option(
    None,
    "--baseline",
    help="Measure each option's value over the status quo (Clemen & Smith 2009): an option id whose scores are the "
    "'do nothing' level (e.g. passive_case_by_case_acceptance), 'worst', or OBJECTIVE=SCORE for every objective. "
    "A measure worse than it counts negative. Additive method only. Default: no baseline (sum of overall scores).",
)
from negotiator.cli.common import LangOpt  # noqa: E402


def _check_format(fmt: Format, lang: str = "en") -> None:
    from negotiator.errors import Problem, UsageError
    from negotiator.i18n import tr

    if fmt is Format.markdown:
        raise UsageError(Problem(tr("err_no_markdown", lang, command="portfolio"), hint=tr("err_memo_hint", lang)))


def _time_limit(seconds: float) -> float | None:
    from negotiator.errors import Problem, UsageError

    if seconds < 0:
        raise UsageError(Problem(Message("cl_time_limit", value=seconds)))
    return None if seconds == 0 else seconds


def _package_query(profile, method, scenario, budget, count, include, exclude, solver, time_limit, gap, verbose, baseline):
    """The options every package command shares, read into one PackageQuery."""
    from negotiator.portfolio import PackageQuery, parse_budget_overrides, parse_count

    return PackageQuery(
        profile=profile,
        method=method,
        scenario=scenario,
        budgets=parse_budget_overrides(budget),
        count=parse_count(count),
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        baseline=baseline,
        solver=solver.value if solver is not None else None,  # None: negotiator/solvers.py applies its policy
        time_limit=_time_limit(time_limit),
        gap=gap,
        verbose=verbose,
    )


#: The options of PackageQuery, shared by `solve` and `sweep`.
_QUERY_OPTIONS = [
    ("profile", Optional[str], ProfileOpt),
    ("method", str, MethodOpt),
    ("scenario", Optional[str], ScenarioOpt),
    ("budget", Optional[list[str]], BudgetOpt),
    ("count", Optional[str], CountOpt),
    ("include", Optional[list[str]], IncludeOpt),
    ("exclude", Optional[list[str]], ExcludeOpt),
    ("solver", Optional[Solver], SolverOpt),
    ("time_limit", float, TimeLimitOpt),
    ("gap", Optional[float], GapOpt),
    ("verbose", bool, VerboseOpt),
    ("baseline", Optional[str], BaselineOpt),
]
takes_package_query = gathered_options("query", _package_query, _QUERY_OPTIONS)


def _warn_all(warnings, fmt: Format, lang: str) -> None:
    """Warnings on stderr, in English beside JSON and CSV (scripts read those)."""
    for w in warnings:
        warn(w, lang if fmt is Format.table else "en")


def _emit(result, fmt: Format, csv_text, renderable) -> None:
    emit_result(result, fmt.value, csv_text, renderable)


@portfolio_app.command("solve")
@takes_package_query
def solve(
    case: Optional[list[Path]] = CaseArg,
    top: int = typer.Option(1, "--top", "-k", help="The K best distinct packages, each with its value and the slack on every budget."),
    robust: Optional[Across] = typer.Option(None, "--robust", help="The package whose worst value across all weight profiles (or scenarios) is highest. `--robust` alone = profiles."),
    core: bool = typer.Option(False, "--core", help="Core/borderline/exterior options from sampled weights and uncertain scores (Robust Portfolio Modelling)."),
    samples: int = typer.Option(500, "--samples", help="--core: number of sampled draws."),
    seed: int = typer.Option(0, "--seed", help="--core: random seed (same seed, same output)."),
    spread: float = typer.Option(0.5, "--spread", help="--core with a numeric profile: weights drawn from intervals of +/- this share around the profile weights (as in `sensitivity smaa --spread`)."),
    likely_scores: bool = typer.Option(False, "--likely-scores", help="--core: keep scores at their likely values (vary only the weights)."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
    query=None,
) -> None:
    """Find the best package of measures (default command of `negotiator portfolio`).

    Exit code 0 with a package, 1 when no package meets the constraints (the
    conflicting constraints are named), 2 for bad input.
    """
    from negotiator.errors import Problem, UsageError

    _check_format(fmt, lang)
    if robust is not None and core:
        raise UsageError(Problem(Message("cl_robust_and_core"), hint=Message("cl_robust_and_core_hint")))
    if (robust is not None or core) and top != 1:
        raise UsageError(Problem(Message("cl_top_plain")))
    loaded = load(case)
    for w in loaded.warnings:
        warn(w)
    if core:
        _run_core(loaded, query, samples, seed, spread, not likely_scores, fmt, lang)
    elif robust is not None:
        _run_robust(loaded, query, robust.value, fmt, lang)
    else:
        _run_solve(loaded, query, top, fmt, lang)


def _run_solve(loaded, query, top, fmt, lang) -> None:
    from negotiator.portfolio import best_packages
    from negotiator.render.portfolio import portfolio_csv, portfolio_renderable, portfolio_warnings

    result = best_packages(loaded, query, top=top)
    # The solve's warnings and its advice, worded by the renderer (the advice in Chinese too).
    _warn_all(portfolio_warnings(result, lang if fmt is Format.table else "en"), fmt, lang)
    _emit(result, fmt, portfolio_csv, lambda: portfolio_renderable(result, lang=lang, width=console().width, case=loaded.case))
    if not result.feasible:
        raise typer.Exit(1)


def _run_robust(loaded, query, across, fmt, lang) -> None:
    from negotiator.portfolio import robust_package
    from negotiator.render.portfolio import robust_csv, robust_renderable

    result = robust_package(loaded, query, across=across)
    # Its warnings are part of the table (and of the JSON), as they always were.
    _emit(result, fmt, robust_csv, lambda: robust_renderable(result, lang=lang, width=console().width))
    if not result.rows:
        raise typer.Exit(1)


def _run_core(loaded, query, samples, seed, spread, uncertain, fmt, lang) -> None:
    from negotiator.portfolio import core_analysis
    from negotiator.render.portfolio import core_csv, core_renderable

    result = core_analysis(loaded, query, samples=samples, seed=seed, spread=spread, uncertain_scores=uncertain)
    _warn_all(result.warnings, fmt, lang)
    _emit(result, fmt, core_csv, lambda: core_renderable(result, lang=lang, width=console().width))


@portfolio_app.command("sweep")
@takes_package_query
def sweep(
    case: Optional[list[Path]] = CaseArg,
    resource: str = typer.Option(..., "--resource", "-r", help="The budget to sweep, e.g. staff."),
    start: float = typer.Option(..., "--from", help="First cap."),
    stop: float = typer.Option(..., "--to", help="Last cap."),
    step: Optional[float] = typer.Option(None, "--step", help="Distance between caps (default: 11 evenly spaced points)."),
    points: Optional[int] = typer.Option(None, "--points", help="Number of evenly spaced caps (default 11)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the frontier to this image file (.png, .svg or .pdf)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --plot file if it exists."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
    query=None,
) -> None:
    """How the best package and its value change as one budget grows (an efficient frontier)."""
    from negotiator.errors import Problem, UsageError
    from negotiator.fileio import check_writable, write_atomic

    _check_format(fmt, lang)
    if step is not None and points is not None:
        raise UsageError(Problem(Message("cl_step_or_points")))
    if plot is not None:
        if plot.suffix.lower() not in (".png", ".svg", ".pdf"):
            raise UsageError(Problem(Message("cl_plot_suffix"), file=str(plot)))
        check_writable(plot, force=force)
    loaded = load(case)
    from negotiator.portfolio import budget_sweep
    from negotiator.render.plots import frontier_plot
    from negotiator.render.portfolio import sweep_csv, sweep_renderable

    result = budget_sweep(loaded, resource, start, stop, step, points, query)
    _warn_all(result.warnings, fmt, lang)
    _emit(result, fmt, sweep_csv, lambda: sweep_renderable(result, lang=lang, width=console().width, case=loaded.case))
    if plot is not None:
        from negotiator.i18n import tr
        from negotiator.render.charts import chart_lang

        write_atomic(plot, frontier_plot(result, plot.suffix.lower().lstrip("."), case=loaded.case, lang=lang), force=force)
        notes = ([tr("ch_no_cjk", lang)] if chart_lang(lang) != lang else []) + [tr("sw_drawn", lang, path=plot)]
        for note in notes:
            if fmt is Format.table:
                console().print(note, style="dim")
            else:
                sys.stderr.write(note + "\n")
