"""Structured messages of the core: a key and parameters, never a sentence to be parsed back.

An analysis that describes what it did (a provenance line: which analysis, how it was
computed, how the weights were drawn) returns a :class:`Message`. As a ``str`` it is the
English sentence, so JSON, CSV and ``lines()`` print it as before; ``key`` and ``params``
let render/, report/, cli/ and tui/ word it in any language with ``negotiator.i18n``,
whose catalogue takes the English of these keys from :data:`TEMPLATES` and adds the
Chinese (i18n/core.py). This module sits at the bottom layer and imports nothing.
"""

from __future__ import annotations

__all__ = ["Message", "TEMPLATES"]

#: The English of every core message; placeholders as in str.format.
TEMPLATES: dict[str, str] = {
    # -- sensitivity: the analysis
    "an_sweep": "one-way weight sweep",
    "an_stability": "weight stability intervals",
    "an_flip": "smallest weight change ({norm}) that makes each challenger first",
    "an_smaa": "SMAA-2 stochastic acceptability",
    "an_tornado": "tornado of uncertain scores (one at a time, others at their likely value)",
    "an_scenarios": "ranking under each scenario (base-case scales)",
    # -- sensitivity: how the numbers were computed
    "how_sweep_exact": "exact: crossing points of straight lines (additive model)",
    "how_stability_exact": "exact: intersection of half-lines (additive model)",
    "how_flip_exact": "exact: one linear program per challenger, PuLP (additive model)",
    "how_tornado": "exact: the case re-ranked twice per uncertain score ({method})",
    "how_scenarios": "exact: the case ranked under the base scores and each of {n} scenarios ({method})",
    "how_smaa": "Monte Carlo: {samples:,} seeded draws in chunks of {chunk}",
    "how_smaa_conf": "Monte Carlo: {samples:,} seeded draws in chunks of {chunk}, {conf:,} more for the confidence factors",
    "how_search": "numerical search ({how}): the {method} method has no closed form here",
    "how_grid_falsi": "grid of {n} weights, regula falsi",
    "how_grid_bisection": "grid of {n} weights, bisection",
    "how_seeded_bisection": "{n} seeded weight vectors, bisection; distances are upper bounds",
    # -- SMAA: how the weights were drawn instead of the profile's numbers
    "wn_uniform": "drawn uniformly from the simplex (the profile's weights are not used)",
    "wn_order": "drawn uniformly among weights in the order {order} (only the profile's order of importance is used, not its numbers)",
    "wn_order_zero": "drawn uniformly among weights in the order {order}; weight 0: {zero} (only the profile's order of importance is used, not its numbers)",
    "wn_within_given": "drawn uniformly from the simplex within {bounds} (intervals given with --interval; the profile's weights are not used)",
    "wn_within_spread": "drawn uniformly from the simplex within {bounds} (intervals: the profile's weights ±{spread:.0%}; the weights themselves are not used)",
    "wn_within_spread_some": "drawn uniformly from the simplex within {bounds} (intervals: the profile's weights ±{spread:.0%}, some given with --interval; the weights themselves are not used)",
    "wn_bound": "{objective} in [{low:.3f}, {high:.3f}]",
    # -- warnings and names the core hands to a reader
    "pk_tie": "packages {a} and {b} tie on value {value:.6g}: the order between them is arbitrary",
    "ahp_filled_note": "{n} missing comparison(s) filled in from the others (Harker 1987): {pairs}",
    "ahp_filled_note_lls": "{n} missing comparison(s) filled in from the others (logarithmic least squares): {pairs}",
    "ahp_cr_note": "AHP consistency ratio {cr:.3f} is above {limit} (CI {ci:.3f}, RI {ri:.2f}, n = {n}): revisit the most inconsistent judgments: {shown}",
    "ahp_judged_note": "{a} over {b}: judged {v:.3g}, the other judgments imply {imp:.3g}",
    "an_note_analyst": "analyst '{analyst}': {note}",
    "an_note_pooled": "pooled AHP judgments: {note}",
    "an_pooled_name": "{case} (analysts pooled: {pool})",
    # -- errors a user meets most (the others keep their English)
    "err_unknown_profile": "unknown weight profile '{profile}'",
    "err_unknown_method": "unknown method '{method}'",
    "err_use_one_of": "use one of: {choices}",
    "rule_needs_probabilities": "needs the scenarios' probabilities (complete ignorance: none given)",
    "err_no_case": "no such file or folder",
    "err_no_case_hint": "check the path, or run without a CASE to use the bundled case",
    "err_file_exists": "the file already exists; nothing was written",
    "err_file_exists_hint": "pass --force to overwrite it, or choose another name",
    # -- negotiation
    "ng_method_augmecon": "AUGMECON epsilon-constraint MILP (Mavrotas 2009) with the AUGMECON2 jump",
    "ng_batna_no_probabilities": "the walk-away value of '{party}' is derived as an expected value over the scenarios, but the scenarios carry no probabilities (complete ignorance)",
    "ng_batna_no_probabilities_fix": "give every scenario a probability, or give the BATNA of '{party}' as a number (`batna: 40`)",
    # -- errors in a case: case/schema.py (hints that list ids: case/base.py known_hint)
    "ec_levels_empty": "levels is empty: give words with numbers, e.g. {{low: 0, medium: 0.5, high: 1}}",
    "ec_level_is_number": "a level must be a word, not a number ('{word}')",
    "ec_scale_zero_width": "a declared scale needs two different ends, got [{low:g}, {high:g}] (zero width cannot rank anything)",
    "ec_scale_reversed": "a scale is [lowest, highest], got [{low:g}, {high:g}]",
    "ec_limit_empty": "give a min, a max or both",
    "ec_limit_reversed": "min {min:g} is above max {max:g}: nothing can satisfy it",
    "ec_count_order": "count is [fewest, most] with 0 <= fewest <= most and most >= 1, got [{fewest}, {most}]",
    "ec_mixed_probabilities_hint": "give every scenario a probability, or none for complete ignorance",
    "ec_options_no_objectives": "the case has options but no objectives to score them on",
    "ec_add_objectives": "add an objectives: section",
    "ec_objectives_no_options": "the case has objectives but no options to rank",
    "ec_add_options": "add an options: section",
    "ec_nothing_to_analyse": "the case has nothing to analyse: no objectives and options, no games, negotiations or conflicts",
    "ec_see_new": "see `negotiator new` for a template",
    "ec_outside_scale": "score {score} is outside the declared scale [{low:g}, {high:g}] of '{objective}'",
    "ec_outside_scale_hint": "change the score or widen the objective's scale",
    "ec_in_scenario": "scenario '{scenario}': {problem}",
    "ec_no_score": "option '{option}' has no score for objective '{objective}'",
    "ec_no_score_hint": "add `{objective}: <score>` under options.{option}.scores",
    "ec_scores_unknown_objective": "unknown objective '{objective}' in the scores of option '{option}'",
    "ec_requires_itself": "option '{option}' requires itself",
    "ec_requires_itself_hint": "remove '{option}' from its own requires list",
    "ec_excludes_itself": "option '{option}' excludes itself",
    "ec_excludes_itself_hint": "remove '{option}' from its own excludes list",
    "ec_requires_unknown": "option '{option}' requires unknown option '{other}'",
    "ec_excludes_unknown": "option '{option}' excludes unknown option '{other}'",
    "ec_requires_and_excludes": "option '{option}' both requires and excludes '{other}'",
    "ec_requires_and_excludes_hint": "keep it in one list only",
    "ec_note_unknown_objective": "a note for unknown objective '{objective}' on option '{option}'",
    "ec_profile_unknown_objective": "unknown objective '{objective}' in weight profile '{profile}'",
    "ec_order_twice": "objective '{objective}' appears twice in the order of profile '{profile}'",
    "ec_order_twice_hint": "list each objective once, most important first",
    "ec_profile_empty_list": "weight profile '{profile}' is an empty list",
    "ec_profile_empty_list_hint": "list objectives, most important first",
    "ec_profile_no_positive": "weight profile '{profile}' has no positive weight (all zero or empty)",
    "ec_positive_weight_hint": "give at least one objective a weight above 0",
    "ec_limits_unknown_objective": "limits on unknown objective '{objective}'",
    "ec_package_unknown_objective": "package on unknown objective '{objective}'",
    "ec_synergy_unknown_option": "synergy names unknown option '{option}'",
    "ec_count_too_many": "count asks for at least {least} options but the case has {n}",
    "ec_count_too_many_hint": "lower the first number of count",
    "ec_label_unknown_profile": "a label for unknown weight profile '{profile}'",
    "ec_label_unknown_resource": "a label for unknown resource '{resource}' (no budget and no option uses it)",
    "ec_label_unknown_family": "a label for unknown option family '{family}' (no option has it)",
    "ec_probability_missing": "scenario '{scenario}' has no probability but {given} of the {n} scenarios have one",
    "ec_probability_sum": "scenario probabilities sum to {total:.6g}, not 1 (off by {off:+.6g})",
    "ec_probability_sum_hint": "adjust the probabilities so that they add up to exactly 1",
    "ec_scenario_unknown_option": "scenario '{scenario}' changes unknown option '{option}'",
    "ec_scenario_unknown_objective": "scenario '{scenario}' changes unknown objective '{objective}'",
    "hint_known_objectives": "use one of the known objectives: {names}",
    "hint_known_options": "use one of the known options: {names}",
    "hint_known_profiles": "use one of the known weight profiles: {names}",
    "hint_known_resources": "use one of the known resources: {names}",
    "hint_known_families": "use one of the known families: {names}",
    "hint_known_levels": "use one of the known levels: {names}",
    "hint_known_parties": "use one of the known parties: {names}",
    # -- errors in a case: case/base.py (numbers, scores)
    "ec_range_hint": "rescale the figures (count in thousands or millions of a unit, or in parts of one); docs/authoring.md, 'Numbers', says why",
    "ec_range_hint_zero": "rescale the figures (count in thousands or millions of a unit, or in parts of one); docs/authoring.md, 'Numbers', says why; or write 0",
    "ec_integer_digits": "an integer of about {digits} digits",
    "ec_bool_not_number": "expected a number, got true/false",
    "ec_out_of_range": "{number} is out of range: a case holds numbers from -1e15 to 1e15",
    "ec_not_finite": "expected a finite number, got NaN or infinity",
    "ec_too_small": "{number} is too small to tell apart from 0: a non-zero number in a case is at least 1e-15 in size",
    "ec_score_empty": "a score cannot be empty text",
    "ec_range_three_got": "a range is [low, likely, high]: three numbers, got {n}",
    "ec_range_three": "a range is [low, likely, high]: three numbers",
    "ec_range_order": "a range must be ordered low <= likely <= high, got [{low}, {likely}, {high}]",
    # -- pydantic's own errors in a case, its English kept (case/base.py error_message)
    "pd_missing": "Field required",
    "pd_float_parsing": "Input should be a valid number, unable to parse string as a number",
    "pd_float_type": "Input should be a valid number",
    "pd_int_parsing": "Input should be a valid integer, unable to parse string as an integer",
    "pd_int_type": "Input should be a valid integer",
    "pd_int_from_float": "Input should be a valid integer, got a number with a fractional part",
    "pd_string_type": "Input should be a valid string",
    "pd_dict_type": "Input should be a valid dictionary",
    "pd_list_type": "Input should be a valid list",
    "pd_tuple_type": "Input should be a valid tuple",
    "pd_bool_type": "Input should be a valid boolean",
    "pd_bool_parsing": "Input should be a valid boolean, unable to interpret input",
    "pd_finite_number": "Input should be a finite number",
    "pd_greater_than": "Input should be greater than {gt}",
    "pd_greater_than_equal": "Input should be greater than or equal to {ge}",
    "pd_less_than": "Input should be less than {lt}",
    "pd_less_than_equal": "Input should be less than or equal to {le}",
    "pd_literal_error": "Input should be {expected}",
    "pd_either": "{first} or {last}",
    "pd_too_short": "{what} should have at least {items} after validation, not {actual}",
    "pd_too_long": "{what} should have at most {items} after validation, not {actual}",
    "pd_kind_list": "List",
    "pd_kind_tuple": "Tuple",
    "pd_kind_dict": "Dictionary",
    "pd_items_one": "{n} item",
    "pd_items": "{n} items",
    "pd_string_too_short": "String should have at least {chars}",
    "pd_chars_one": "{n} character",
    "pd_chars": "{n} characters",
    "pd_string_pattern_mismatch": "String should match pattern '{pattern}'",
    "pd_union_tag_invalid": "Input tag '{tag}' found using {discriminator} does not match any of the expected tags: {expected_tags}",
    "pd_model_type": "Input should be a valid dictionary or instance of {class_name}",
    "pd_class_Objective": "Objective",
    "pd_class_Option": "Option",
    "pd_class_Limit": "Limit",
    "pd_class_Synergy": "Synergy",
    "pd_class_Label": "Label",
    "pd_class_Labels": "Labels",
    "pd_class_Constraints": "Constraints",
    "pd_class_Scenario": "Scenario",
    "pd_class_Analyst": "Analyst",
    "pd_class_LinearValue": "LinearValue",
    "pd_class_PiecewiseValue": "PiecewiseValue",
    "pd_class_ExponentialValue": "ExponentialValue",
    "pd_class_PrometheeCriterion": "PrometheeCriterion",
    "pd_class_OrderProfile": "OrderProfile",
    "pd_class_SwingProfile": "SwingProfile",
    "pd_class_AhpProfile": "AhpProfile",
    "pd_class_HierarchyProfile": "HierarchyProfile",
    "pd_class_HierarchyGroup": "HierarchyGroup",
    "pd_class_Negotiation": "Negotiation",
    "pd_class_Party": "Party",
    "pd_class_Issue": "Issue",
    "pd_class_Level": "Level",
    "pd_class_Conflict": "Conflict",
    "pd_class_DecisionMaker": "DecisionMaker",
    "pd_class_ConflictOption": "ConflictOption",
    "pd_class_Statement": "Statement",
    "pd_class_Preferences": "Preferences",
    "pd_class_FeasibilityRule": "FeasibilityRule",
    "pd_class_Indistinguishable": "Indistinguishable",
    "pd_class_Game": "Game",
    "pd_class_Player": "Player",
    "pd_class_Strategy": "Strategy",
    "pd_class_PayoffCell": "PayoffCell",
    # -- errors in a case: case/catalog.py (loading, merging files, pydantic's errors located)
    "ec_bundled_missing": "the bundled case is missing ({folder})",
    "ec_bundled_missing_hint": "reinstall negotiator: pip install .",
    "ec_no_example": "no example case named '{name}'",
    "ec_examples_hint": "examples: {names} (list them with `negotiator examples`)",
    "ec_examples_none_hint": "examples: (none shipped) (list them with `negotiator examples`)",
    "ec_folder_no_yaml": "the folder holds no .yaml files",
    "ec_folder_no_yaml_hint": "point at a case file or a folder of them",
    "ec_not_a_mapping": "a case file must be a mapping of sections (objectives:, options:, ...)",
    "ec_format_version": "unsupported case format version {version}; this negotiator reads format 1",
    "ec_format_version_hint": "write `negotiator: 1` (and check the file follows format 1)",
    "ec_section_not_mapping": "section '{section}' must be a mapping of ids",
    "ec_no_format_version": "the case does not say its format version",
    "ec_no_format_version_hint": "add `negotiator: 1` as the first line",
    "ec_defined_twice": "'{entry}' is defined in two files (also in {other})",
    "ec_defined_twice_hint": "keep one definition",
    "ec_top_level": "top level",
    "ec_unknown_key": "unknown key '{name}' in {where}",
    "ec_unknown_key_hint": "check the spelling; allowed here: {allowed}",
    "ec_unknown_key_schema_hint": "check the spelling (see `negotiator schema`)",
    "ec_missing_key": "missing required key '{name}' in {where}",
    "ec_missing_key_hint": "add `{name}:`",
    "ec_expected_score": "expected a number or a [low, likely, high] range, got {got}",
    "ec_got": "{message} (got {got})",
    "ec_weights_hint": "weights are non-negative numbers per objective, or a list of objectives in order of importance",
    "ec_score_hint": "a score is a number, or [low, likely, high] with low <= likely <= high",
    "ec_write_version_hint": "write `negotiator: 1`",
    "ec_scale_hint": "a scale is [lowest, highest] with lowest < highest, or leave it out to use the data's range",
    "ec_probability_hint": "a probability is a number from 0 to 1",
    "ec_schema_hint": "see `negotiator schema` for what this section accepts",
    # -- errors in a case: case/scoring.py (value functions, PROMETHEE, weighting forms, analysts, level words)
    "ec_piecewise_increasing": "piecewise points need strictly increasing scores, e.g. [[0, 0], [5, 0.8], [10, 1]]",
    "ec_piecewise_value": "a value must lie in [0, 1] (0 = worst, 1 = best), got {value:g} at score {score:g}",
    "ec_piecewise_monotone": "piecewise values must only rise (more is better) or only fall (less is better)",
    "ec_promethee_needs": "the {function} preference function needs {thresholds} (thresholds in score units)",
    "ec_and": "{first} and {second}",
    "ec_promethee_q_above_p": "indifference threshold q={q:g} must be below preference threshold p={p:g}",
    "ec_promethee_vshape_p": "the vshape preference threshold p must be above 0",
    "ec_judgment_text": "a pairwise judgment is a number on Saaty's 1-9 scale or a fraction like 1/3, got {got}",
    "ec_judgment_finite": "a pairwise judgment must be a finite number",
    "ec_judgment_positive": "a pairwise judgment must be positive (got {value:g}); write 1/3 for 'a third as important'",
    "ec_judgment_scale": "a pairwise judgment must lie on Saaty's scale 1/9 .. 9 (got {value:g})",
    "ec_ahp_self": "'{objective}' compared with itself must be 1, got {value:g}",
    "ec_ahp_not_reciprocal": "the judgments are not reciprocal: {a} over {b} is {ab:g} but {b} over {a} is {ba:g} (should be {should:.4g}); give one direction only",
    "ec_weight_not_finite": "a weight must be a finite number (got NaN or infinity)",
    "ec_weight_negative": "a weight cannot be negative (got {value})",
    "ec_word_no_levels": "option '{option}', objective '{objective}': '{word}' is a word but objective '{objective}' defines no levels",
    "ec_word_no_levels_hint": "write a number, or add `levels: {{{word}: <number>, ...}}` to objectives.{objective}",
    "ec_word_not_level": "option '{option}', objective '{objective}': '{word}' is not one of its levels ({levels})",
    "ec_word_not_level_hint": "use one of those words, or add it to the objective's levels",
    "ec_word_range_order": "option '{option}', objective '{objective}': the range {range} is not ordered low <= likely <= high once words become numbers",
    "ec_word_range_order_hint": "reorder the range",
    "ec_swing_all_zero": "swing profile '{profile}' rates every swing 0",
    "ec_swing_all_zero_hint": "rate the most important swing 100 and the others relative to it",
    "ec_hierarchy_twice": "objective '{objective}' appears twice in the hierarchy of profile '{profile}'",
    "ec_hierarchy_twice_hint": "put each objective under one group only",
    "ec_hierarchy_all_zero": "hierarchy profile '{profile}' gives every objective weight 0",
    "ec_hierarchy_all_zero_hint": "give some group and objective a weight above 0",
    "ec_ahp_nothing": "AHP profile '{profile}' compares nothing",
    "ec_ahp_nothing_hint": "give at least one comparison such as `a: {{b: 3}}`",
    "ec_ahp_unlinked": "AHP profile '{profile}' falls apart into unlinked groups ({groups}), so missing comparisons cannot be filled in",
    "ec_ahp_unlinked_hint": "compare at least one objective of each group with one of another",
    "ec_piecewise_rise_min": "the piecewise values of '{objective}' rise with the score, but its direction is min",
    "ec_piecewise_fall_max": "the piecewise values of '{objective}' fall with the score, but its direction is max",
    "ec_piecewise_make_rise": "make the values rise (1 = best) or change the direction",
    "ec_piecewise_make_fall": "make the values fall (1 = best) or change the direction",
    "ec_analyst_unknown_option": "analyst '{analyst}' scores unknown option '{option}'",
    "ec_analyst_unknown_objective": "analyst '{analyst}' scores unknown objective '{objective}'",
    "ec_analyst_outside_scale": "analyst '{analyst}': score of option '{option}' is outside the declared scale [{low:g}, {high:g}] of '{objective}'",
    "ec_analyst_weight_unknown_objective": "unknown objective '{objective}' in the weights of analyst '{analyst}'",
    "ec_analyst_no_positive": "analyst '{analyst}' gives no positive weight",
    "ec_form_hint_ahp": "AHP: `a: {{b: 3}}` says a is 3 times as important as b; judgments 1/9 .. 9 (fractions like 1/3), each pair in one direction (see docs/methods.md)",
    "ec_form_hint_swing": "swing weights: rate each objective's worst-to-best swing from 0 to 100, the biggest swing 100",
    "ec_form_hint_hierarchy": "hierarchy: `group: {{weight: 2, objectives: {{a: 1, b: 1}}}}`, leaves are objective ids with non-negative numbers",
    "ec_form_hint_scheme": "scheme is roc, rank_sum or rank_reciprocal",
    "ec_form_hint_order": "order is a list of objective ids, most important first",
    "ec_form_hint_value": "value is {{kind: linear}}, {{kind: piecewise, points: [[score, value], ...]}} or {{kind: exponential, c: <number>}}",
    "ec_form_hint_promethee": "promethee is {{function: usual|ushape|vshape|level|linear|gaussian, q:, p:, s:}} with thresholds in score units, q < p",
    "ec_form_hint_levels": "levels map words to numbers on the scale, e.g. {{low: 0, medium: 5, high: 10}}",
    "ec_form_hint_analyst": "an analyst has label, scores ({{option: {{objective: score}}}}) and weights (any profile form)",
    # -- errors in a case: case/yamlio.py (reading YAML; ruamel's syntax errors worded where the catalogue knows them)
    "ey_recursive_alias": "recursive alias: {anchor} is used inside its own value, so it would repeat forever",
    "ey_recursive_alias_anon": "recursive alias: an anchor is used inside its own value, so it would repeat forever",
    "ey_recursive_alias_hint": "an alias (*name) may only repeat a value that is complete before it; write the value out",
    "ey_nests_deep": "the YAML nests more than {n} levels deep; a case is a few levels deep",
    "ey_nests_deep_hint": "flatten the nesting; a case needs only a few levels of mappings and lists",
    "ey_tag": "the tag {tag} is not allowed: a case holds plain text, numbers, true/false, lists and mappings",
    "ey_tag_hint": "remove the tag (the word starting with '!') and write the value plainly",
    "ey_complex_key": "a key here is a list or a mapping; keys are plain text or numbers",
    "ey_complex_key_hint": "write the key as text (a '? [a, b] :' key cannot be used)",
    "ey_alias_bomb": "anchors and aliases would expand this YAML into more than {n:,} nodes (an alias bomb)",
    "ey_alias_bomb_hint": "write the values out, or use fewer nested aliases (&anchor / *alias)",
    "ey_surrogate": "the text holds \\u{code}, half of a UTF-16 surrogate pair, which is not a character",
    "ey_surrogate_hint": "remove the \\u escape, or write the character itself",
    "ey_digits": "a number written with {n:,} digits; a case holds numbers from -1e15 to 1e15",
    "ey_digits_hint": "rescale the figures (count in thousands or millions of a unit)",
    "ey_no_such_date": "{value} reads as a date or number that does not exist ({detail})",
    "ey_no_such_date_hint": "correct it, or put it in quotes to keep it as text",
    "ey_detail_day": "day is out of range for month",
    "ey_detail_month": "month must be in 1..12",
    "ey_detail_year": "year 0 is out of range",
    "ey_line_of_text": "{message} (line {line} of the text)",
    "ey_duplicate_key_line": "duplicate key '{key}' (first defined on line {first}): a key may appear only once here",
    "ey_duplicate_key": "duplicate key '{key}': a key may appear only once here",
    "ey_duplicate_key_hint": "rename or remove one of the two entries",
    "ey_quote": "quote",
    "ey_never_closed": "{what}: the {opened} that starts on this line is never closed",
    "ey_never_closed_hint": "close it (the matching '}}', ']' or quote), or remove what opens it",
    "ey_syntax_hint": "fix the YAML syntax on this line (indentation, a missing ':' or an unclosed quote or bracket)",
    "ey_malformed": "malformed YAML: {detail}",
    "ey_too_deep": "the YAML nests too deeply (more than {n} levels) to be a case",
    "ey_too_deep_hint": "flatten the nesting",
    "ey_tab": "found character '\\t' that cannot start any token",
    "ey_bad_char": "found character {ch} that cannot start any token",
    "ey_block_end_key": "expected <block end>, but found '<block mapping start>'",
    "ey_block_end_dash": "expected <block end>, but found '-'",
    "ey_block_end_text": "expected <block end>, but found '<scalar>'",
    "ey_mapping_values": "mapping values are not allowed here",
    "ey_sequence_entries": "sequence entries are not allowed here",
    "ey_no_colon": "could not find expected ':'",
    "ey_undefined_alias": "found undefined alias {alias}",
    "ey_flow_mapping": "expected ',' or '}}', but got {got}",
    "ey_flow_sequence": "expected ',' or ']', but got {got}",
    "ey_escape": "found unknown escape character {ch}",
    "ey_two_documents": "but found another document",
    "ey_end_of_stream": "found unexpected end of stream",
    "ey_token_text": "'<scalar>'",
    "ey_token_end": "'<stream end>'",
    "ey_token_key": "'<block mapping start>'",
    "ey_token_block_end": "'<block end>'",
    "ey_not_utf8": "the file is not UTF-8 text (byte 0x{byte} at offset {offset})",
    "ey_not_utf8_hint": "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
    "ey_env_size": "{setting} is not a size in megabytes",
    "ey_env_size_hint": "set it to a number such as 50, or unset it for the default {mb} MB",
    "ey_too_big": "the file is {mb:.1f} MB, over the {cap:g} MB a case file may be (a case is usually well under 1 MB)",
    "ey_too_big_hint": "check it is the file you meant; if it really is a case this large, set {setting} (megabytes) and run again",
    "ey_is_folder": "is a folder, expected a YAML file",
    "ey_cannot_read": "cannot read the file ({reason})",
    "ey_cannot_read_hint": "check its permissions",
    "ey_permission_denied": "Permission denied",
    "ey_binary": "this is a spreadsheet or another binary file, not a YAML case",
    "ey_binary_hint": "import a workbook first: negotiator import {name} -o case.yaml",
    "ey_empty": "the file is empty",
    "ey_empty_hint": "start from `negotiator new case.yaml`, or point at a case file with content",
}


def _english(value) -> object:
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return ", ".join(value)
    return value


class Message(str):
    """A core sentence: ``str(m)`` is its English; ``m.key`` and ``m.params`` word it in another language.

    A parameter may itself be a Message, or a tuple of Messages (joined by commas)."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params) -> "Message":
        self = super().__new__(cls, TEMPLATES[key].format(**{k: _english(v) for k, v in params.items()}))
        self.key = key
        self.params = params
        return self

    def mapped(self, change) -> "Message":
        """This message with ``change`` (text -> text) applied to its English and to each text parameter,
        nested Messages too: still the same key, so still worded in any language. errors.Problem shortens
        a message's long words this way (its English exactly as ``change`` gives it)."""

        def param(value):
            if isinstance(value, Message):
                return value.mapped(change)
            if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
                return tuple(v.mapped(change) for v in value)
            return change(value) if isinstance(value, str) else value

        return _worded(change(str(self)), self.key, {k: param(v) for k, v in self.params.items()})

    def __reduce__(self):
        return (_rebuild, (self.key, self.params, str(self)))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _worded(english: str, key: str, params: dict) -> Message:
    self = str.__new__(Message, english)
    self.key = key
    self.params = params
    return self


def _rebuild(key: str, params: dict, english: str | None = None) -> Message:
    return Message(key, **params) if english is None else _worded(english, key, params)
