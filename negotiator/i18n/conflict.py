"""Every word of the conflict analysis (`negotiator conflict`, the memo section, the TUI view), English and Chinese.

Two kinds of entry: ``cf_*`` are the renderers' fixed words; ``conflict.*`` word the
core's message keys (negotiator/conflict: Verdict, StatusQuoPath and InverseResult
messages), with the states and moves already put into words by render/conflict.py.
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- the core's messages -------------------------------------------------------------
    "conflict.stable.no_improvement": {
        "en": "{dm} has nothing to gain by moving alone",
        "zh": "{dm}单独行动无利可图",
    },
    "conflict.unstable.improvement": {
        "en": "{dm} gains by moving to state {to} ({change}) and nothing deters it",
        "zh": "{dm}转到状态 {to}（{change}）即可获益，且无任何反制能阻止",
    },
    "conflict.stable.sanction.credible": {
        "en": "{dm} could gain by moving to state {improvement} ({change}), but {by} would answer with state {sanction}, and each of those moves pays whoever makes it: a credible sanction",
        "zh": "{dm}转到状态 {improvement}（{change}）本可获益，但{by}会以状态 {sanction} 回应，且每一步都对采取者有利：可信的反制",
    },
    "conflict.stable.sanction.threat": {
        "en": "{dm} could gain by moving to state {improvement} ({change}); {by} could answer with state {sanction}, but carrying that out would cost them: only a threat",
        "zh": "{dm}转到状态 {improvement}（{change}）本可获益；{by}可以状态 {sanction} 回应，但实施会让其自身受损：仅是威胁",
    },
    "conflict.path.step": {"en": "{dm} {change}", "zh": "{dm}{change}"},
    "conflict.path.coalition_step": {"en": "together, {change}", "zh": "{change}（共同行动）"},
    "conflict.path.unreachable": {
        "en": "state {to}: no path of moves the decision makers like leads there from today",
        "zh": "状态 {to}：从现状出发，没有一条各方都愿意走的路径能到达",
    },
    "conflict.path.already_there": {"en": "state {to} is today's state", "zh": "状态 {to} 就是现状"},
    "conflict.inverse.already": {
        "en": "state {state} is already an equilibrium ({concept}): nothing has to change",
        "zh": "状态 {state} 已是均衡（{concept}）：无需任何改变",
    },
    "conflict.inverse.change": {
        "en": "{dm}'s preference order would have to change by {swaps} swap(s) of adjacent states",
        "zh": "{dm}的偏好顺序需调整 {swaps} 次相邻状态互换",
    },
    "conflict.inverse.not_found": {
        "en": "no change of preferences within the search limit makes state {state} an equilibrium ({concept})",
        "zh": "在搜索范围内，没有任何偏好调整能使状态 {state} 成为均衡（{concept}）",
    },
    # -- the concepts ----------------------------------------------------------------------
    "cf_concept_nash": {"en": "Nash", "zh": "Nash"},
    "cf_concept_gmr": {"en": "GMR", "zh": "GMR"},
    "cf_concept_smr": {"en": "SMR", "zh": "SMR"},
    "cf_concept_seq": {"en": "SEQ", "zh": "SEQ"},
    "cf_concept_cnash": {"en": "CNash", "zh": "联盟Nash"},
    "cf_concept_cseq": {"en": "CSEQ", "zh": "联盟SEQ"},
    "cf_concepts_key": {
        "en": "Nash: nobody gains by moving alone. GMR: every gain could be punished. SMR: punished with no way out. SEQ: punished credibly (the punisher gains too). CNash, CSEQ: the same for groups acting together.",
        "zh": "Nash：任何一方单独行动都无利可图。GMR：任何获益都可能遭到反制。SMR：遭到反制且无法脱身。SEQ：反制可信（反制方自身也获益）。联盟Nash、联盟SEQ：对共同行动的群体同样成立。",
    },
    # -- headings and columns ------------------------------------------------------------
    "cf_title": {"en": "Conflict: {label}", "zh": "冲突分析：{label}"},
    "cf_judgment": {
        "en": "options, feasibility and preference orders are analyst judgments, not facts",
        "zh": "选项、可行性与偏好顺序均为分析人员的判断，并非事实",
    },
    "cf_options_title": {"en": "Options (a state is the set of options taken)", "zh": "选项（状态即所采取选项的组合）"},
    "cf_col_option": {"en": "option", "zh": "选项"},
    "cf_col_dm": {"en": "who", "zh": "决策方"},
    "cf_col_meaning": {"en": "meaning", "zh": "含义"},
    "cf_take_only": {"en": "once taken, stays", "zh": "一经采取不可撤回"},
    "cf_drop_only": {"en": "once dropped, stays dropped", "zh": "一经放弃不可恢复"},
    "cf_states_title": {
        "en": "Today and the equilibria: ✓ stable for every decision maker, else who would move",
        "zh": "现状与各均衡：✓ 表示对各方均稳定，否则列出会改变选择的一方",
    },
    "cf_col_state": {"en": "state", "zh": "状态"},
    "cf_col_taken": {"en": "options taken", "zh": "所采取的选项"},
    "cf_none_taken": {"en": "(none)", "zh": "（无）"},
    "cf_nothing_taken": {"en": "no option taken", "zh": "未采取任何选项"},
    "cf_today": {"en": "today", "zh": "现状"},
    "cf_sq_title": {"en": "Today (the status quo): state {state}", "zh": "现状：状态 {state}"},
    "cf_no_sq": {"en": "The conflict names no status quo: no path from today is shown.", "zh": "该冲突未指定现状：不显示从现状出发的路径。"},
    "cf_sq_nash": {
        "en": "Today (state {state}: {taken}) is an equilibrium under {concepts}: nobody gains by moving alone, so no threat is needed to hold it.",
        "zh": "现状（状态 {state}：{taken}）在 {concepts} 下均为均衡：任何一方单独行动都无利可图，无需威胁来维持。",
    },
    "cf_sq_equilibrium": {
        "en": "Today (state {state}: {taken}) is an equilibrium under {concepts}.",
        "zh": "现状（状态 {state}：{taken}）在以下概念下是均衡：{concepts}。",
    },
    "cf_sq_not_equilibrium": {
        "en": "Today (state {state}: {taken}) is not an equilibrium under any concept shown: someone gains by moving.",
        "zh": "现状（状态 {state}：{taken}）在所示任何概念下都不是均衡：有一方会通过改变选择获益。",
    },
    # -- the credibility finding ---------------------------------------------------------
    "cf_finding_title": {"en": "In short", "zh": "结论"},
    "cf_credible": {
        "en": "{n} state(s) would hold because moving does not pay or every move would be answered by a credible sanction (SEQ): {states}.",
        "zh": "{n} 个状态能够维持：单独改变无利可图，或任何改变都会招致可信的反制（SEQ）：{states}。",
    },
    "cf_none_credible": {"en": "No state holds with credible sanctions only (no SEQ equilibrium).", "zh": "没有仅靠可信反制即可维持的状态（不存在 SEQ 均衡）。"},
    "cf_threat_only": {
        "en": "{n} more state(s) hold only by threats that would hurt whoever carried them out (GMR but not SEQ): {states}.",
        "zh": "另有 {n} 个状态仅靠实施起来会损害实施者自身的威胁维持（满足 GMR 但不满足 SEQ）：{states}。",
    },
    "cf_no_threat_only": {
        "en": "No equilibrium rests on threats alone: every GMR equilibrium is also SEQ (its sanctions are credible).",
        "zh": "没有仅靠威胁维持的均衡：每个 GMR 均衡同时也是 SEQ 均衡（其反制是可信的）。",
    },
    "cf_coalition_finding": {
        "en": "If the parties can act together, only state(s) {states} hold: from every other state some group gains by moving jointly (coalition Nash).",
        "zh": "若各方可以联合行动，只有状态 {states} 能够维持：从其他任何状态出发，总有某一群体联合改变而获益（联盟Nash）。",
    },
    "cf_no_coalition_eq": {
        "en": "Acting together, some group gains by leaving every state: no coalition-Nash equilibrium.",
        "zh": "若允许联合行动，每个状态都有群体可共同改变而获益：不存在联盟Nash均衡。",
    },
    "cf_and_more": {"en": " … ({n} more)", "zh": " ……（另有 {n} 个）"},
    # -- the threats -----------------------------------------------------------------------
    "cf_threats_title": {
        "en": "Which threats are credible? (the sanctions that hold the equilibria, most used first)",
        "zh": "哪些威胁可信？（维持各均衡的反制，按使用次数排列）",
    },
    "cf_threat_line": {
        "en": "{by}: {action}, to deter {against}. {where}",
        "zh": "{by}：{action}，以阻止{against}。{where}",
    },
    "cf_take": {"en": "take up {options}", "zh": "采取{options}"},
    "cf_drop": {"en": "give up {options}", "zh": "放弃{options}"},
    "cf_threat_credible_at": {
        "en": "Credible (carrying it out pays {by}) at {n} state(s): {states}",
        "zh": "在 {n} 个状态下可信（实施对{by}有利）：{states}",
    },
    "cf_threat_only_at": {
        "en": "Only a threat (carrying it out would cost {by}) at {n} state(s): {states}",
        "zh": "在 {n} 个状态下仅是威胁（实施会使{by}自身受损）：{states}",
    },
    "cf_threats_summary": {
        "en": "{credible} kind(s) of sanction are credible somewhere; {only} are only threats somewhere.",
        "zh": "{credible} 类反制在某些状态下可信；{only} 类在某些状态下仅是威胁。",
    },
    "cf_no_threats": {
        "en": "No equilibrium needs a sanction: wherever the conflict holds, nobody gains by moving.",
        "zh": "没有均衡需要反制来维持：凡冲突能维持之处，任何一方改变都无利可图。",
    },
    "cf_threats_too_many": {
        "en": "The sanctions are not summarised for {n} states (more than 512); --format json has the stability tables.",
        "zh": "状态数为 {n}（超过 512），不汇总反制；--format json 给出稳定性表。",
    },
    "cf_more_threats": {
        "en": "… and {n} more kind(s) of sanction; --format json lists every one",
        "zh": "……另有 {n} 类反制；--format json 列出全部",
    },
    # -- paths from today ----------------------------------------------------------------
    "cf_paths_title": {"en": "From today to each credible equilibrium", "zh": "从现状到各可信均衡的路径"},
    "cf_path": {"en": "to state {to} ({taken}): from today, {steps}", "zh": "到状态 {to}（{taken}）：从现状出发，{steps}"},
    "cf_path_coalition": {"en": "to state {to} ({taken}): from today, {steps}", "zh": "到状态 {to}（{taken}）：从现状出发，{steps}"},
    "cf_nobody_moves_alone": {
        "en": "Nobody leaves today's state alone: every path below needs parties to move together, each gaining from the joint move.",
        "zh": "没有一方会单独离开现状：以下每条路径都需要多方共同行动，且每一方都从联合行动中获益。",
    },
    "cf_no_paths": {
        "en": "Nobody moves from today by moves they like, alone or in groups: the equilibria below are reached only if someone acts against its own preference or preferences change.",
        "zh": "从现状出发，无论单独还是联合，各方都没有愿意采取的行动：只有某方违背自身偏好或偏好改变，才会到达下列均衡。",
    },
    "cf_takes": {"en": "takes up {options}", "zh": "采取{options}"},
    "cf_drops": {"en": "gives up {options}", "zh": "放弃{options}"},
    "cf_and": {"en": " and ", "zh": "和"},
    "cf_then": {"en": "; then ", "zh": "；随后"},
    "cf_more_paths": {"en": "… and {n} more equilibrium(s) with a path; --format json lists every one", "zh": "……另有 {n} 个可到达的均衡；--format json 列出全部"},
    # -- what would have to change ---------------------------------------------------------
    "cf_target_title": {
        "en": "What would have to change for state {state} ({taken}) to be an equilibrium ({concept})",
        "zh": "状态 {state}（{taken}）成为均衡（{concept}）需要哪些改变",
    },
    "cf_target_prefers": {
        "en": "{dm} would have to prefer state {a} ({a_taken}) to state(s) {b}",
        "zh": "{dm}需要更偏好状态 {a}（{a_taken}），而非状态 {b}",
    },
    "cf_target_ties": {
        "en": "{dm} would have to like state {a} ({a_taken}) and state(s) {b} equally",
        "zh": "{dm}需要对状态 {a}（{a_taken}）与状态 {b} 同等看待",
    },
    "cf_target_total": {
        "en": "In all: {swaps} swap(s) of adjacent states in the decision makers' preference orders.",
        "zh": "合计：各决策方偏好顺序中 {swaps} 次相邻状态互换。",
    },
    # -- the Conflict view of the terminal UI ----------------------------------------------
    "conflict": {"en": "Conflict", "zh": "冲突"},
    "cf_tui_state": {"en": "State {state}", "zh": "状态 {state}"},
    "cf_tui_hint": {
        "en": "↑↓ pick a state in the table: below it, why each side stays or moves there.",
        "zh": "↑↓ 在表中选择状态：其下说明各方为何维持或改变。",
    },
    "cf_tui_none": {"en": "This case has no conflict to analyse.", "zh": "本案例没有可分析的冲突。"},
    # -- the memo section --------------------------------------------------------------------
    "sec_conflict": {"en": "Is the linkage threat credible?", "zh": "挂钩威胁是否可信？"},
    "tbl_conflict": {"en": "Conflict states", "zh": "冲突状态"},
    "analysis_conflict": {"en": "conflict analysis (graph model)", "zh": "冲突分析（图模型）"},
    "cf_memo_judgment": {
        "en": "The conflict model's options, feasibility and each side's preference order are analyst judgments drawn from the paper, not facts and not anyone's stated position.",
        "zh": "冲突模型中的选项、可行性及各方偏好顺序均为分析人员依据论文作出的判断，并非事实，也非任何一方的表态。",
    },
    "cf_memo_more_threats": {
        "en": "… and {n} more kind(s) of sanction (`negotiator conflict --format json` lists every one).",
        "zh": "……另有 {n} 类反制（`negotiator conflict --format json` 列出全部）。",
    },
    "cf_memo_more_paths": {
        "en": "… and {n} more equilibrium(s) with a path (`negotiator conflict --format json` lists every one).",
        "zh": "……另有 {n} 个可到达的均衡（`negotiator conflict --format json` 列出全部）。",
    },
    "cf_memo_unavailable": {"en": "The conflict analysis is not available: {reason}", "zh": "冲突分析不可用：{reason}"},
    "cf_memo_table_note": {
        "en": "Today and the equilibria; ✓ stable for every side, else the sides that would move.",
        "zh": "现状与各均衡；✓ 表示对各方均稳定，否则列出会改变选择的一方。",
    },
    # -- provenance ------------------------------------------------------------------------
    "cf_prov": {
        "en": "conflict: {conflict}; {states} states; method: {method}; nothing random (no seed); negotiator {version}",
        "zh": "冲突：{conflict}；{states} 个状态；方法：{method}；无随机成分（无需种子）；negotiator {version}",
    },
    "cf_method": {
        "en": "Graph Model for Conflict Resolution (Fang, Hipel & Kilgour 1993; Xu et al. 2018)",
        "zh": "冲突解决图模型（Fang, Hipel & Kilgour 1993；Xu 等 2018）",
    },
}
