"""Loading cases: the bundled one, folders, several files, hashes."""

import pytest

import negotiator as ng
from negotiator.case.catalog import bundled_dirs, load_case, load_case_text
from negotiator.errors import CaseError


def test_bundled_case_loads_with_no_arguments():
    loaded = load_case()
    c = loaded.case
    assert loaded.name == "bundled"
    assert 15 <= len(c.options) <= 20
    assert len(c.objectives) >= 10
    assert len(c.weights) >= 4
    assert any(isinstance(p, list) for p in c.weights.values()), "at least one profile is an order of importance"
    assert set(c.scenarios) == {"transactional_linkage", "third_country_saturation", "routine_cooperation", "escalated_enforcement"}
    assert abs(sum(s.probability for s in c.scenarios.values()) - 1) < 1e-9


def test_bundled_case_covers_section_four():
    c = load_case().case
    families = {o.family for o in c.options.values()}
    assert families == {"一", "二", "三", "四", "五"}
    for oid, opt in c.options.items():
        assert opt.label_zh, f"{oid} has no Chinese label"
        assert opt.source and opt.source.startswith("§四"), oid
        assert set(opt.notes) == set(c.objectives), f"{oid}: every score needs a rationale"
    # conditional linkage to fugitive repatriation needs the reciprocal talks
    assert "reciprocal_repatriation_talks" in c.options["fugitive_return_linkage"].requires
    ranged = sum(isinstance(s, tuple) for o in c.options.values() for s in o.scores.values())
    assert ranged >= 20


def test_bundled_case_says_scores_are_judgments():
    for folder in bundled_dirs():
        for f in folder.glob("*.yaml"):
            assert "JUDGMENT" in f.read_text(encoding="utf-8").upper(), f


def test_bundled_red_lines_screen_some_options():
    r = ng.rank()
    assert 1 <= len(r.screened_out) <= 3
    assert len(r.rows) + len(r.screened_out) == len(load_case().case.options)


def test_folder_and_files_merge(tmp_path):
    (tmp_path / "a.yaml").write_text("negotiator: 1\nobjectives:\n  g: {label: G}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("options:\n  x: {label: X, scores: {g: 1}}\n  y: {label: Y, scores: {g: 2}}\n", encoding="utf-8")
    whole = load_case(tmp_path)
    parts = load_case([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert set(whole.case.options) == {"x", "y"}
    assert whole.sha256 == parts.sha256


def test_same_id_in_two_files_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text("negotiator: 1\nobjectives:\n  g: {label: G}\noptions:\n  x: {label: X, scores: {g: 1}}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("options:\n  x: {label: X2, scores: {g: 2}}\n", encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(tmp_path)
    p = err.value.problems[0]
    assert "defined in two files" in p.message and p.file.endswith("b.yaml") and p.line == 2


def test_hash_ignores_comments_and_layout():
    a = load_case_text("negotiator: 1\nobjectives: {g: {label: G}}\noptions: {x: {label: X, scores: {g: 1}}}\n")
    b = load_case_text("# a comment\nnegotiator: 1\nobjectives:\n  g:\n    label: G   # same\noptions:\n  x: {label: X, scores: {g: 1}}\n")
    c = load_case_text("negotiator: 1\nobjectives: {g: {label: G}}\noptions: {x: {label: X, scores: {g: 2}}}\n")
    assert a.sha256 == b.sha256 != c.sha256


def test_locate_points_at_the_line(cases_dir):
    loaded = load_case(cases_dir / "tiny.yaml")
    file, line = loaded.locate(("options", "b", "requires"))
    assert file.endswith("tiny.yaml") and line == 18


# -- labels for profiles and resources ---------------------------------------------------------


def test_bundled_case_names_its_profiles_and_resources_in_both_languages():
    from negotiator.case.catalog import load_case

    case = load_case().case
    assert case.profile_label("balanced") == "Balanced" and case.profile_label("balanced", "zh") == "均衡"
    assert case.resource_label("staff", "zh") == "人力（人年/年）"
    assert case.profile_label("no_label_here") == "no_label_here"  # falls back to the id


def test_labels_split_across_files_merge_and_unknown_ids_are_reported(tmp_path):
    from negotiator.case.catalog import load_case
    from negotiator.errors import CaseError

    base = (
        "negotiator: 1\nobjectives:\n  gain: {label: Gain, scale: [0, 10]}\n"
        "options:\n  a: {label: A, scores: {gain: 8}, resources: {staff: 2}}\n  b: {label: B, scores: {gain: 4}}\n"
        "weights:\n  main: {gain: 1}\n"
    )
    (tmp_path / "case.yaml").write_text(base + "labels:\n  profiles: {main: {label: Main, label_zh: 主要}}\n", encoding="utf-8")
    (tmp_path / "more.yaml").write_text("negotiator: 1\nlabels:\n  resources: {staff: {label: Staff}}\n", encoding="utf-8")
    case = load_case(tmp_path).case
    assert (case.profile_label("main", "zh"), case.resource_label("staff")) == ("主要", "Staff")
    (tmp_path / "more.yaml").write_text("negotiator: 1\nlabels:\n  resources: {stafff: {label: Staff}}\n  profiles: {mian: {label: M}}\n", encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(tmp_path)
    text = err.value.render()
    assert "unknown resource 'stafff'" in text and "unknown weight profile 'mian'" in text
    assert "more.yaml" in text
    (tmp_path / "more.yaml").write_text("negotiator: 1\nlabels:\n  families: {四: {label: Four}}\n", encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(tmp_path)
    assert "unknown option family '四'" in err.value.render()


def test_an_empty_labels_section_does_not_change_the_case_hash():
    from negotiator.case.catalog import load_case_text

    text = "negotiator: 1\nobjectives:\n  gain: {label: Gain}\noptions:\n  a: {label: A, scores: {gain: 1}}\n  b: {label: B, scores: {gain: 2}}\n"
    assert load_case_text(text).sha256 == load_case_text(text + "labels: {}\n").sha256
    assert load_case_text(text).sha256 != load_case_text(text + "weights: {main: {gain: 1}}\nlabels: {profiles: {main: {label: M}}}\n").sha256


def test_probabilities_optional_keeps_every_hash(cases_dir):
    # Issue 14 made scenario probabilities optional; a case that gives them hashes as before
    # (values taken from the code before the change), and one without has no "probability" key.
    from negotiator.case.catalog import load_case

    # The bundled case's content changed later (issue 17 named its families in labels.yaml): its
    # hash was 3bd3c50fc23e... before that and with probabilities made optional alike.
    assert load_case(None).sha256 == "7b343a83bfb36020a166d1050fc137947b6c94c6c3601e47c485a8b151654093"
    assert load_case(cases_dir / "tiny.yaml").sha256 == "896a15b19328255b351d01f888a271faa18fe6ee085ffa4463ac80b304bf51c8"
    assert load_case(cases_dir / "full_features.yaml").sha256 == "189af17f158d4a035d08633d270c75f0e792913dc9a929d430dbf71506a0ae18"
    from negotiator.case.schema import has_probabilities

    ign = load_case(cases_dir / "contractor_ignorance.yaml")
    assert not has_probabilities(ign.case) and has_probabilities(load_case(cases_dir / "tiny.yaml").case)
