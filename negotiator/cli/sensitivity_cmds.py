"""`negotiator sensitivity ...`: how robust is the ranking? Parses, calls the core, prints.

numpy, pulp and matplotlib are imported inside the commands (via the core),
so `negotiator --help` stays instant.
"""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.cli.common import CaseArg, MethodOpt, ProfileOpt, console, emit_result, gathered_options, load, warn
from negotiator.messages import Message

sensitivity_app = typer.Typer(
    name="sensitivity",
    help="How sure is the ranking? Weight sweeps, stability intervals, flips, SMAA, tornado, scenarios.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(sensitivity_app, name="sensitivity")


class SensFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


# Choices are checked here rather than by Typer, so a wrong value gets the same one-line
# message and exit code 2 as every other bad input.
FormatOpt = typer.Option("table", "--format", "-f", help="Output format: table, json, csv or excel-csv (CSV with a byte-order mark for Excel).", metavar="FORMAT")


def _format(value: str, lang: str = "en") -> SensFormat:
    from negotiator.cli.common import Format, _format_choice
    from negotiator.errors import Problem, UsageError
    from negotiator.i18n import tr

    try:
        return SensFormat(_format_choice(Format(value.lower())).value)
    except ValueError:
        raise UsageError(Problem(tr("err_unknown_format", lang, value=value), hint=tr("err_no_markdown_hint", lang))) from None
ScenarioOpt = typer.Option(None, "--scenario", help="Analyse the case under one of its scenarios (base-case scales).")
PlotOpt = typer.Option(None, "--plot", help="Also save a chart to FILE.png or FILE.svg.", metavar="FILE")
ForceOpt = typer.Option(False, "--force", help="Overwrite the --plot file if it exists.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")
from negotiator.cli.common import LangOpt  # noqa: E402
ObjectiveOpt = typer.Option(None, "--objective", "-o", help="Only this objective (repeat for several). Default: all.")


class _ProgressBar:
    """A progress bar on stderr that appears only once a run has taken more than a second,
    and never with --quiet or when stderr is not a terminal."""

    DELAY = 1.0

    def __init__(self, description: str, quiet: bool):
        self.description = description
        self.enabled = not quiet and sys.stderr.isatty()
        self.start = time.monotonic()
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.start < self.DELAY or done >= total:
                return
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            from negotiator.cli.common import err_console

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn(), TimeRemainingColumn(), console=err_console(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _check_plot(plot: Optional[Path], force: bool) -> Optional[str]:
    """Fail before any work if the chart cannot be written; return its format."""
    if plot is None:
        return None
    from negotiator.errors import Problem, UsageError
    from negotiator.fileio import check_writable
    from negotiator.render.plots import plot_format

    fmt = plot_format(plot)
    if fmt is None:
        raise UsageError(Problem(Message("cl_chart_suffix"), file=str(plot), hint=Message("cl_chart_suffix_hint")))
    check_writable(plot, force=force)
    return fmt


def _save_plot(plot: Optional[Path], fmt: Optional[str], draw, result, force: bool, case=None, lang: str = "en") -> None:
    if plot is None:
        return
    from negotiator.fileio import write_atomic
    from negotiator.i18n import tr
    from negotiator.render.charts import chart_lang

    write_atomic(plot, draw(result, fmt, case=case, lang=lang), force=force)
    # On stderr, so that stdout stays clean JSON/CSV for pipes.
    if chart_lang(lang) != lang:
        sys.stderr.write(tr("ch_no_cjk", lang) + "\n")
    sys.stderr.write(tr("se_chart_saved", lang, path=plot) + "\n")


def _emit(result, fmt: SensFormat, table, csv_text, lang: str = "en") -> None:
    fmt = _format(fmt, lang) if isinstance(fmt, str) else fmt
    for w in result.warnings:
        warn(w, lang if fmt is SensFormat.table else "en")
    emit_result(result, fmt.value, csv_text, table)


class _Output:
    """Where a sensitivity command's result goes: --format, --plot (checked before any work), --force, --quiet, --lang."""

    def __init__(self, fmt: str, plot: Optional[Path], force: bool, quiet: bool, lang: str):
        self.fmt, self.plot, self.force, self.quiet, self.lang = _format(fmt, lang), plot, force, quiet, lang
        self.kind = _check_plot(plot, force)

    def run(self, case, label: str, analyse, table, csv_text, draw):
        """Load the case, run ``analyse(loaded, progress)`` under a progress bar, print its result and
        save its chart: the one body of every sensitivity command. ``table(result, case)`` builds the
        terminal table, ``draw`` the chart."""
        loaded = load(case)
        with _ProgressBar(label, self.quiet) as bar:
            result = analyse(loaded, bar)
        _emit(result, self.fmt, lambda: table(result, loaded.case), csv_text, self.lang)
        _save_plot(self.plot, self.kind, draw, result, self.force, loaded.case, self.lang)
        return result


#: --format, --plot, --force, --quiet and --lang of every sensitivity command, handed over as one _Output.
takes_output = gathered_options(
    "out",
    _Output,
    [("fmt", str, FormatOpt), ("plot", Optional[Path], PlotOpt), ("force", bool, ForceOpt), ("quiet", bool, QuietOpt), ("lang", str, LangOpt)],
    before="",
)


@sensitivity_app.command()
@takes_output
def sweep(
    case: Optional[list[Path]] = CaseArg,
    objective: Optional[list[str]] = ObjectiveOpt,
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = ScenarioOpt,
    out=None,
) -> None:
    """One-way weight sweeps: each weight 0 -> 1 (others in proportion), with the exact weights where two options swap."""
    from negotiator.sensitivity import sweep as run
    from negotiator.render.plots import sweep_plot
    from negotiator.render.sensitivity import sweep_csv, sweep_table

    out.run(
        case,
        "sweeping weights",
        lambda loaded, bar: run(loaded, profile=profile, method=method, objectives=objective or None, scenario=scenario, progress=bar),
        lambda result, c: sweep_table(result, c, out.lang, all_swaps=bool(objective), width=console().width),
        sweep_csv,
        sweep_plot,
    )


@sensitivity_app.command()
@takes_output
def stability(
    case: Optional[list[Path]] = CaseArg,
    top: int = typer.Option(1, "--top", "-k", help="Keep the order of the top K options (default: just the top one)."),
    objective: Optional[list[str]] = ObjectiveOpt,
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = ScenarioOpt,
    out=None,
) -> None:
    """For each objective, the interval of its weight within which the top option (top-K order) stays the same."""
    from negotiator.sensitivity import stability as run
    from negotiator.render.plots import stability_plot
    from negotiator.render.sensitivity import stability_csv, stability_table

    out.run(
        case,
        "stability intervals",
        lambda loaded, bar: run(loaded, profile=profile, method=method, top=top, objectives=objective or None, scenario=scenario, progress=bar),
        lambda result, c: stability_table(result, c, out.lang, width=console().width),
        stability_csv,
        stability_plot,
    )


@sensitivity_app.command()
@takes_output
def flip(
    case: Optional[list[Path]] = CaseArg,
    norm: str = typer.Option("l1", "--norm", help="l1: total weight moved; linf: largest change of one weight.", metavar="l1|linf"),
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = ScenarioOpt,
    out=None,
) -> None:
    """The smallest change of the weights that makes each challenger first (a linear program)."""
    from negotiator.sensitivity import flip as run
    from negotiator.render.plots import flip_plot
    from negotiator.render.sensitivity import flip_csv, flip_table

    out.run(
        case,
        "solving flip programs",
        lambda loaded, bar: run(loaded, profile=profile, method=method, norm=norm.lower(), scenario=scenario, progress=bar),
        lambda result, c: flip_table(result, c, out.lang, width=console().width),
        flip_csv,
        flip_plot,
    )


def _parse_intervals(specs: list[str]) -> dict[str, tuple[float, float]]:
    from negotiator.errors import Problem, UsageError

    out: dict[str, tuple[float, float]] = {}
    for spec in specs:
        name, sep, bounds = spec.partition("=")
        lo, sep2, hi = bounds.partition(":")
        try:
            if not (sep and sep2 and name.strip()):
                raise ValueError
            out[name.strip()] = (float(lo), float(hi))
        except ValueError:
            raise UsageError(Problem(Message("cl_interval_unread", spec=spec), hint=Message("cl_interval_unread_hint"))) from None
    return out


@sensitivity_app.command()
@takes_output
def smaa(
    case: Optional[list[Path]] = CaseArg,
    samples: int = typer.Option(10_000, "--samples", "-n", help="Number of random draws (weights and uncertain scores)."),
    seed: int = typer.Option(0, "--seed", "-s", help="Random seed: the same seed gives the same numbers (default 0, as in memo and portfolio --core)."),
    weight_model: Optional[str] = typer.Option(None, "--weight-model", help="uniform | order | intervals | fixed. Default: order for an order-of-importance profile, else uniform."),
    interval: Optional[list[str]] = typer.Option(None, "--interval", help="Weight interval OBJECTIVE=LOW:HIGH (repeat; others [0, 1] unless --spread)."),
    spread: Optional[float] = typer.Option(None, "--spread", help="Intervals of +/- this share around the profile weights, e.g. 0.25 (the same box as `portfolio --core --spread`)."),
    confidence_samples: Optional[int] = typer.Option(None, "--confidence-samples", help="Score draws for the confidence factors (default: min(samples, 20000); 1000 for methods other than additive)."),
    workers: int = typer.Option(2, "--workers", help="Threads (the numbers do not depend on it)."),
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = ScenarioOpt,
    out=None,
) -> None:
    """SMAA-2: how often each option takes each rank when weights and uncertain scores vary."""
    from negotiator.errors import Problem, UsageError
    from negotiator.sensitivity import smaa as run
    from negotiator.render.plots import smaa_plot
    from negotiator.render.sensitivity import smaa_csv, smaa_table
    from negotiator.render.termfit import is_plain

    if samples < 1:
        raise UsageError(Problem(Message("pp_samples", samples=samples), hint=Message("ps_samples_hint")))
    if workers < 1:
        raise UsageError(Problem(Message("cl_workers", workers=workers)))
    intervals = _parse_intervals(interval or [])
    out.run(
        case,
        f"SMAA, {samples:,} draws",
        lambda loaded, bar: run(loaded, profile=profile, method=method, samples=samples, seed=seed, weight_model=weight_model, intervals=intervals or None, spread=spread, confidence_samples=confidence_samples, scenario=scenario, workers=workers, progress=bar),
        lambda result, c: smaa_table(result, c, out.lang, width=console().width, plain=is_plain(console())),
        smaa_csv,
        smaa_plot,
    )


@sensitivity_app.command()
@takes_output
def tornado(
    case: Optional[list[Path]] = CaseArg,
    limit: int = typer.Option(20, "--limit", help="Bars shown in the table and chart (widest first)."),
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = ScenarioOpt,
    out=None,
) -> None:
    """How far each uncertain score moves the top option's lead (a tornado chart)."""
    from negotiator.errors import Problem, UsageError
    from negotiator.sensitivity import tornado as run
    from negotiator.render.plots import tornado_plot
    from negotiator.render.sensitivity import tornado_csv, tornado_table
    from negotiator.render.termfit import is_plain

    if limit < 1:
        raise UsageError(Problem(Message("cl_limit", limit=limit)))
    out.run(
        case,
        "tornado",
        lambda loaded, bar: run(loaded, profile=profile, method=method, scenario=scenario, progress=bar),
        lambda result, c: tornado_table(result, c, out.lang, limit=limit, width=console().width, plain=is_plain(console())),
        tornado_csv,
        lambda r, f, **kw: tornado_plot(r, f, limit=limit, **kw),
    )


@sensitivity_app.command()
@takes_output
def scenarios(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    out=None,
) -> None:
    """The ranking under each scenario of the other side's behaviour, side by side."""
    from negotiator.sensitivity import scenarios as run
    from negotiator.render.plots import scenarios_plot
    from negotiator.render.sensitivity import scenarios_csv, scenarios_table

    out.run(
        case,
        "ranking scenarios",
        lambda loaded, bar: run(loaded, profile=profile, method=method, progress=bar),
        lambda result, c: scenarios_table(result, c, out.lang, width=console().width),
        scenarios_csv,
        scenarios_plot,
    )
