"""The application: the state every view shares, and the keys that switch views.

State lives here as reactives; views watch it (``self.watch(app, ...)``) and
redraw. Every number comes from the core: ``negotiator.ranking.api.rank`` re-ranks on
each weight change, ``negotiator.ranking.whatif`` moves weights and explains gaps.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive, var

from negotiator.ranking import api
from negotiator.errors import NegotiatorError, Problem
from negotiator.methods import method_names
from negotiator.model.weights import profile_weights
from negotiator.ranking.whatif import nudge_weight, set_one_weight
from negotiator.i18n import CATALOGUE, tr
from negotiator.tui import _gc
from negotiator.tui.bindings import relabel_bindings
from negotiator.tui.screens.compare import CompareScreen
from negotiator.tui.screens.conflict import ConflictScreen
from negotiator.tui.screens.dialogs import KeysScreen, MemoScreen, QuitScreen, SaveProfileScreen
from negotiator.tui.screens.errors import CaseErrorScreen
from negotiator.tui.screens.package import PackageScreen
from negotiator.tui.screens.ranking import RankingScreen
from negotiator.tui.screens.scenarios import ScenariosScreen
from negotiator.tui.screens.sensitivity import SensitivityScreen
from negotiator.tui.screens.weights import WeightsScreen

__all__ = ["NegotiatorApp", "VIEWS"]

#: view name -> (key, screen class). Views whose analysis is not in the core yet are absent.
VIEWS: dict[str, tuple[str, type]] = {
    "ranking": ("1", RankingScreen),
    "weights": ("2", WeightsScreen),
    "compare": ("3", CompareScreen),
    "sensitivity": ("4", SensitivityScreen),
    "package": ("5", PackageScreen),
    "scenarios": ("6", ScenariosScreen),
    "conflict": ("7", ConflictScreen),
}

#: Keys a view's widgets handle (tables, inputs), listed in the `?` panel beside the view's own bindings.
EXTRA_KEYS: dict[str, list[tuple[str, str]]] = {
    "ranking": [("↑↓", "keys_rows")],
    "weights": [("↑↓", "keys_pick_objective"), ("←→", "keys_nudge"), ("shift+←→", "keys_nudge_big"), ("enter", "type"), ("esc", "keys_leave_input")],
    "compare": [("tab", "keys_pick_options")],
    "sensitivity": [("tab", "keys_pick_sweep")],
    "package": [("tab", "keys_next_field"), ("enter", "keys_solve_again"), ("esc", "keys_leave_input")],
    "scenarios": [("↑↓", "keys_rows")],
}


def _key_name(binding: Binding) -> str:
    """How the panel writes a binding's keys: its display, else each key ('ctrl+z,u' -> 'ctrl+z u')."""
    return binding.key_display or " ".join(binding.key.split(","))


def _panel_words(binding_id: str, lang: str) -> str:
    """What the `?` panel says a key does: its own words where the footer's are too short to say it
    (`l` reads 中文 in the footer, "switch the app to Chinese (中文)" in the panel), else the footer's."""
    key = f"panel_{binding_id}"
    return tr(key if key in CATALOGUE else binding_id, lang)


#: Seconds after start-up before the other views are built in the background, and between two of them.
PREBUILD_AFTER = 0.2
PREBUILD_GAP = 0.05

#: Two weight vectors closer than this are the same profile (saved files round to 1e-6).
SAME_WEIGHTS = 1e-6


def _view_bindings() -> list[Binding]:
    # not in the footer: the top bar lists the views with their keys, and at 80 columns the footer
    # cut them off mid-word ("3 Compar") after the view's own keys
    return [Binding(key, f"view('{name}')", tr(name), id=name, show=False) for name, (key, _) in VIEWS.items()]


class NegotiatorApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "negotiator"
    MODES = {name: cls for name, (_, cls) in VIEWS.items()}
    # The footer shows the view's keys, then `?`, `q`, `m`, `l`; the top bar lists the views.
    BINDINGS = [
        Binding("question_mark", "toggle_help", tr("keys"), key_display="?", id="keys"),
        Binding("q", "quit", tr("quit"), id="quit"),
        Binding("m", "memo", tr("memo"), id="memo"),
        Binding("l", "toggle_lang", tr("language"), id="language"),
    ] + _view_bindings() + [
        Binding("ctrl+q", "quit", tr("quit"), show=False, priority=True),
    ]

    lang = reactive("en")
    profile: var[str | None] = var(None, init=False)  # the profile the weights started from
    method = var("additive", init=False)
    scenario: var[str | None] = var(None, init=False)
    weights: var[dict] = var(dict, init=False)  # normalised, one per objective
    ranking = var(None, init=False)  # negotiator.ranking.result.Ranking of the current state
    baseline = var(None, init=False)  # the Ranking under the starting profile (for rank moves)
    package_baseline: str | None = None  # the status quo picked in the Package view (the memo uses it too)
    rank_error = var("", init=False)
    picked: var[tuple] = var(tuple, init=False)  # options chosen for Compare (up to 3)
    #: The weights differ from the starting profile's (computed; views redraw on `ranking`, not on this).
    unsaved = reactive(False, init=False)

    def __init__(self, loaded, paths=None, lang: str = "en", problems: list[Problem] | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.paths = paths
        self.problems = list(problems or [])
        self._undo: list[dict] = []
        self._redo: list[dict] = []
        self.set_reactive(NegotiatorApp.lang, "zh" if lang == "zh" else "en")
        self._collector = _gc.IdleCollector()

    # -- start-up -------------------------------------------------------------

    def on_mount(self) -> None:
        self._relabel_bindings()
        if self.loaded is None:
            self.push_screen(CaseErrorScreen(self.problems))
            return
        self.title = self.case_title()
        self.profile = self.loaded.case.default_profile
        if self.profile is None:  # a case without profiles: equal weights
            self.watch_profile(None, None)
        self.switch_mode("ranking")
        self.set_timer(PREBUILD_AFTER, self._prebuild_next)

    def on_unmount(self) -> None:
        self._collector.stop()

    @property
    def shutting_down(self) -> bool:
        """Textual is closing the app (`_running` goes False first, then its screens lose their widgets):
        no view builds or redraws from now on. Private Textual flags, read defensively."""
        return getattr(self, "_exit", False) or getattr(self, "_closing", False) or getattr(self, "_closed", False) or not getattr(self, "_running", True)

    def _prebuild_next(self) -> None:
        """Build the next view that was never shown, while the user reads this one (one per idle tick):
        the first switch to it then only redraws (composing a view and its tables took 0.7-1.1 s)."""
        if self.shutting_down:
            return  # Textual is iterating the screen stacks to close them
        todo = [name for name in VIEWS if name not in self._screen_stacks]
        if self.loaded is None:
            return
        if not todo:  # every view is built: from now on full garbage collections wait for idle moments
            if not self._collector.running:
                self._collector.start()
                self.set_interval(_gc.CHECK_EVERY, self._collector.tick)
            return
        name = todo[0]
        screen = VIEWS[name][1]()
        try:  # Textual has no public call that mounts a mode's screen without showing it
            self._register(self, screen)
            self._load_screen_css(screen)
            self._screen_stacks[name] = [screen]
            # its widgets got the stylesheet when they mounted: no app-wide CSS refresh on the first switch
            screen._css_update_count = self._css_update_count
        except Exception:  # pragma: no cover - a Textual without these: the view is built on first use
            return
        self.set_timer(PREBUILD_GAP, self._prebuild_next)

    def case_title(self) -> str:
        c = self.loaded.case
        return c.title_zh if self.lang == "zh" and c.title_zh else c.title

    @property
    def methods(self) -> list[str]:
        return method_names()

    # -- state changes (watchers and computes) -------------------------------

    def watch_profile(self, old: str | None, pid: str | None) -> None:
        new = profile_weights(self.loaded.case, pid)
        # A profile just saved from these weights holds the same numbers (to 12 decimals): nothing was replaced.
        same = bool(self.weights) and set(self.weights) == set(new) and all(abs(self.weights[o] - new[o]) <= SAME_WEIGHTS for o in new)
        if self.weights and not same:
            # Switching profiles must not lose edited weights: one undo brings them back.
            start = profile_weights(self.loaded.case, old) if old in self.loaded.case.weights else None
            if start is not None and any(abs(self.weights[o] - start[o]) > SAME_WEIGHTS for o in start):
                self.notify(tr("profile_replaced", self.lang, p=self.loaded.case.profile_label(pid, self.lang)), timeout=6)
            self._undo.append(dict(self.weights))
            self._redo.clear()
        self.set_reactive(NegotiatorApp.weights, new)
        self._rerank(new_baseline=True)

    def watch_method(self) -> None:
        self._rerank(new_baseline=True)

    def watch_scenario(self) -> None:
        self._rerank(new_baseline=True)

    def watch_weights(self) -> None:
        self._rerank()

    def watch_lang(self) -> None:
        self._relabel_bindings()
        if self.loaded is not None:
            self.title = self.case_title()


    def compute_unsaved(self) -> bool:
        if self.loaded is None or not self.weights:
            return False
        return not self._same_as_profile(self.weights)

    def _same_as_profile(self, weights: dict) -> bool:
        start = profile_weights(self.loaded.case, self.profile)
        return all(abs(weights[o] - start[o]) <= SAME_WEIGHTS for o in start)

    def _rank(self, modified: bool):
        """The core re-rank: by profile name while the weights are the profile's (so outputs name it)."""
        if modified:
            return api.rank(self.loaded, method=self.method, weights=self.weights, scenario=self.scenario)
        return api.rank(self.loaded, profile=self.profile, method=self.method, scenario=self.scenario)

    def _rerank(self, new_baseline: bool = False) -> None:
        try:
            if new_baseline:
                self.baseline = self._rank(modified=False)
            self.ranking = self._rank(modified=not self._same_as_profile(self.weights))
            self.rank_error = ""
        except NegotiatorError as exc:
            self.ranking = None
            self.rank_error = exc.render()

    # -- what the views ask for ---------------------------------------------

    def set_weights(self, new: dict, record: bool = True) -> None:
        if record and new != self.weights:
            self._undo.append(dict(self.weights))
            self._redo.clear()
        self.weights = new

    def set_weight(self, objective: str, value: float) -> None:
        self.set_weights(set_one_weight(self.weights, objective, value))

    def nudge(self, objective: str, step: float) -> None:
        self.set_weights(nudge_weight(self.weights, objective, step))

    def undo(self) -> bool:
        if not self._undo:
            self.notify(tr("nothing_to_undo", self.lang), severity="warning")
            return False
        self._redo.append(dict(self.weights))
        self.weights = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            self.notify(tr("nothing_to_redo", self.lang), severity="warning")
            return False
        self._undo.append(dict(self.weights))
        self.weights = self._redo.pop()
        return True

    def reset_weights(self) -> None:
        self.set_weights(profile_weights(self.loaded.case, self.profile))

    def toggle_pick(self, option: str) -> None:
        picks = [o for o in self.picked if o != option]
        if len(picks) == len(self.picked):
            picks = (picks + [option])[-3:]
        self.picked = tuple(picks)

    def profile_saved(self, name: str, reloaded, file: Path) -> None:
        """After SaveProfileScreen wrote the file: use the reloaded case and the new profile."""
        self.loaded = reloaded
        self.profile = name
        self.notify(tr("saved_as", self.lang, name=name, file=str(file), bak=file.name + ".bak"), timeout=6)

    # -- actions --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Without a loaded case there are no views to switch to (and the footer hides their keys)."""
        if action in ("view", "save_profile", "memo") and self.loaded is None:
            return False
        return True

    _switching_to_built = False

    def action_view(self, name: str) -> None:
        if self.loaded is not None and name in VIEWS:
            self._switching_to_built = name in self._screen_stacks
            try:
                self.switch_mode(name)
            finally:
                self._switching_to_built = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's switch_mode holds every frame for 50 ms to mask a screen still composing; a view
        built ahead (prebuild) has nothing to mask, so its switch is drawn at once."""
        if not self._switching_to_built:
            super().delay_update(delay)

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"

    def action_toggle_help(self) -> None:
        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)
        elif self.loaded is not None:
            view = getattr(self.screen, "VIEW", "")
            groups = self.key_groups()
            current = f"{VIEWS[view][0]} {tr(view, self.lang)}" if view in VIEWS else None
            # the current view's keys right after those that work everywhere, marked: no scrolling to find them
            groups = groups[:1] + sorted(groups[1:], key=lambda g: g[0] != current)
            self.push_screen(KeysScreen(groups, current))

    def key_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of this app, grouped: the keys that work everywhere, then each view's own."""
        lang = self.lang
        everywhere = [(_key_name(b), _panel_words(b.id, lang)) for b in self.BINDINGS if b.id and b.id in CATALOGUE and b.id not in VIEWS]
        keys = [key for key, _ in VIEWS.values()]
        views = ("、" if lang == "zh" else ", ").join(tr(name, lang) for name in VIEWS)
        everywhere.append((f"{keys[0]}-{keys[-1]}", tr("keys_views", lang, views=views)))
        groups = [(tr("keys_everywhere", lang), everywhere)]
        for name, (key, cls) in VIEWS.items():
            rows = [(_key_name(b), _panel_words(b.id, lang)) for b in cls.BINDINGS if b.id and b.id in CATALOGUE]
            rows += [(k, tr(w, lang)) for k, w in EXTRA_KEYS.get(name, [])]
            groups.append((f"{key} {tr(name, lang)}", rows))
        return groups

    def action_memo(self) -> None:
        if self.loaded is not None:
            self.push_screen(MemoScreen())

    def action_save_profile(self) -> None:
        if self.loaded is not None:
            self.push_screen(SaveProfileScreen())

    async def action_quit(self) -> None:
        if not self.unsaved:
            self.exit()
            return

        def chosen(answer: str | None) -> None:
            if answer == "discard":
                self.exit()
            elif answer == "save":
                self.push_screen(SaveProfileScreen(quit_after=True))

        self.push_screen(QuitScreen(), chosen)

    def view_keys(self) -> list[tuple[str, str]]:
        """(view name, key) of every view, in tab order: the screens draw their top bar from it."""
        return [(name, key) for name, (key, _) in VIEWS.items()]

    def _relabel_bindings(self) -> None:
        """Footer words follow the UI language: every binding with an id names its i18n word."""
        for node in [self, *self.screen_stack]:
            relabel_bindings(node, self.lang)
        self.refresh_bindings()
