"""Shared builders for the conflict tests: textbook conflicts and random small conflicts."""

from __future__ import annotations

import itertools

import numpy as np

from negotiator.conflict import build_states, conflicts_from_data

# Fang, Hipel & Kilgour (1993), Elmira: published state numbers -> options taken.
ELMIRA_STATES = {
    1: ["delay"], 2: ["modify", "delay"], 3: ["accept"], 4: ["modify", "accept"],
    5: ["delay", "insist"], 6: ["modify", "delay", "insist"], 7: ["accept", "insist"],
    8: ["modify", "accept", "insist"], 9: ["abandon"],
}
ELMIRA_RANKINGS = {
    "moe": [7, 3, 4, 8, 5, 1, 2, 6, 9],
    "uniroyal": [4, 8, 6, 2, 3, 7, 5, 1, 9],
    "local": [7, 3, 5, 1, 8, 6, 4, 2, 9],
}


def two_by_two(r1, r2, name="g"):
    """Two DMs with one option each (d1, d2: 'defect' / 'do not swerve'); rankings best first,
    states written as the options taken."""
    data = {name: {"label": name, "decision_makers": {
        "p1": {"label": "P1", "options": {"d1": {"label": "defect"}}, "preferences": {"ranking": [[s] for s in r1]}},
        "p2": {"label": "P2", "options": {"d2": {"label": "defect"}}, "preferences": {"ranking": [[s] for s in r2]}},
    }}}
    return conflicts_from_data(data)[name]


CC, DC, CD, DD = [], ["d1"], ["d2"], ["d1", "d2"]


def prisoners_dilemma():
    return two_by_two([DC, CC, DD, CD], [CD, CC, DD, DC], "pd")


def chicken():
    return two_by_two([DC, CC, CD, DD], [CD, CC, DC, DD], "chicken")


def elmira_data(coalesce: bool = True) -> dict:
    if coalesce:
        states = ELMIRA_STATES
        rank = {dm: [[states[k]] for k in order] for dm, order in ELMIRA_RANKINGS.items()}
    else:
        # gmcr-py's encoding: abandon keeps the other options, its four states tie at the bottom.
        abandon = [["abandon"], ["modify", "abandon"], ["abandon", "insist"], ["modify", "abandon", "insist"]]
        rank = {dm: [[ELMIRA_STATES[k]] for k in order if k != 9] + [abandon] for dm, order in ELMIRA_RANKINGS.items()}
    c = {
        "label": "Elmira groundwater contamination",
        "source": "Fang, Hipel & Kilgour (1993), Interactive Decision Making, ch. 2 and 5",
        "decision_makers": {
            "moe": {"label": "Ministry of Environment", "options": {"modify": {"label": "Modify the control order", "direction": "take_only"}}, "preferences": {"ranking": rank["moe"]}},
            "uniroyal": {"label": "Uniroyal", "options": {
                "delay": {"label": "Delay (appeal)", "direction": "drop_only"},
                "accept": {"label": "Accept the control order"},
                "abandon": {"label": "Abandon the Elmira plant", "direction": "take_only"},
            }, "preferences": {"ranking": rank["uniroyal"]}},
            "local": {"label": "Local government", "options": {"insist": {"label": "Insist on the original order"}}, "preferences": {"ranking": rank["local"]}},
        },
        "feasibility": [
            {"kind": "exclusive", "options": ["delay", "accept", "abandon"]},
            {"kind": "at_least_one", "options": ["delay", "accept", "abandon"]},
        ],
        "status_quo": ["delay"],
    }
    if coalesce:
        c["indistinguishable"] = [{"when": "abandon", "ignore": ["modify", "insist"]}]
    return {"elmira": c}


def elmira(coalesce: bool = True):
    return conflicts_from_data(elmira_data(coalesce))["elmira"]


def random_conflict(rng: np.random.Generator, n_dms: int | None = None, max_options: int = 2, rules: bool = True):
    """A random small conflict given by option directions, feasibility rules and random weak orders."""
    n_dms = n_dms or int(rng.integers(2, 4))
    dms = {}
    all_opts = []
    for i in range(n_dms):
        k = int(rng.integers(1, max_options + 1))
        opts = {}
        for j in range(k):
            oid = f"o{i}{j}"
            all_opts.append(oid)
            opts[oid] = {"label": oid, "direction": str(rng.choice(["both", "both", "take_only", "drop_only"]))}
        dms[f"dm{i}"] = {"label": f"DM {i}", "options": opts, "preferences": {"prioritisation": [{"statement": all_opts[0], "rationale": "r", "source": "s"}]}}
    feas = []
    if rules and len(all_opts) >= 2 and rng.random() < 0.7:
        a, b = rng.choice(all_opts, size=2, replace=False)
        kind = str(rng.choice(["exclusive", "at_least_one", "requires"]))
        feas.append({"kind": kind, "option": str(a), "needs": str(b)} if kind == "requires" else {"kind": kind, "options": [str(a), str(b)]})
    data = {"label": "random", "decision_makers": dms, "feasibility": feas}
    conflict = conflicts_from_data({"r": data})["r"]
    space = build_states(conflict)
    values = rng.integers(0, max(2, space.n_states), size=(n_dms, space.n_states))
    return conflict, space, values


# ---- brute force: the definitions read literally -------------------------------------------------

def brute_moves(space, i):
    """DM i's unilateral moves: feasible states differing only in i's options, directions respected."""
    own = {k for k, o in enumerate(space.option_ids) if space.owner[k] == i}
    direction = space_directions(space)
    out = set()
    for s in range(space.n_states):
        for t in range(space.n_states):
            if s == t:
                continue
            a, b = int(space.codes[s]), int(space.codes[t])
            if any(((a >> k) & 1) != ((b >> k) & 1) for k in range(len(space.option_ids)) if k not in own):
                continue
            ok = True
            for k in own:
                x, y = (a >> k) & 1, (b >> k) & 1
                if direction[k] == "take_only" and x == 1 and y == 0:
                    ok = False
                if direction[k] == "drop_only" and x == 0 and y == 1:
                    ok = False
            if ok:
                out.add((s, t))
    return out


_DIRECTIONS: dict = {}


def space_directions(space):
    return _DIRECTIONS[id(space)]


def register_directions(space, conflict):
    _DIRECTIONS[id(space)] = [opt.direction for dm in conflict.decision_makers.values() for opt in dm.options.values()]


def brute_reach(moves, members, start, values=None):
    """R_H(start): states at the end of some legal sequence (no DM moves twice in a row), found by
    exploring (state, last mover) pairs, which is where a legal sequence can continue from."""
    found = set()
    stack = [(start, None)]
    seen = set(stack)
    while stack:
        state, last = stack.pop()
        for j in members:
            if j == last:
                continue
            for (a, b) in moves[j]:
                if a != state or (values is not None and not values[j][b] > values[j][a]):
                    continue
                found.add(b)
                if (b, j) not in seen:
                    seen.add((b, j))
                    stack.append((b, j))
    return found


def brute_stability(space, values, moves):
    """{concept: set of (dm index, state)} stable, straight from Fang et al. (1993)'s definitions."""
    n, m = space.n_states, space.n_dms
    out = {c: set() for c in ("nash", "gmr", "smr", "seq")}
    for i in range(m):
        others = [j for j in range(m) if j != i]
        u = values[i]
        for s in range(n):
            ui = [b for (a, b) in moves[i] if a == s and u[b] > u[s]]
            if not ui:
                for c in out:
                    out[c].add((i, s))
                continue
            gmr = smr = seq = True
            for s1 in ui:
                r = brute_reach(moves, others, s1)
                rp = brute_reach(moves, others, s1, values)
                if not any(u[s2] <= u[s] for s2 in r):
                    gmr = False
                if not any(u[s2] <= u[s] and all(u[s3] <= u[s] for (a, s3) in moves[i] if a == s2) for s2 in r):
                    smr = False
                if not any(u[s2] <= u[s] for s2 in rp):
                    seq = False
            for c, ok in (("gmr", gmr), ("smr", smr), ("seq", seq)):
                if ok:
                    out[c].add((i, s))
    return out
