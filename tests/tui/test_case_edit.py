"""Saving a profile into a case file: comments kept, atomic, backed up, refused when unsafe."""

from __future__ import annotations

import pytest

from negotiator.case.catalog import load_case
from negotiator.errors import UsageError
from negotiator.case.edit import add_profile_text, profile_file, save_profile


def test_round_trip_keeps_every_line_of_the_bundled_weights(case_copy):
    text = (case_copy / "payoffs" / "weights.yaml").read_text(encoding="utf-8")
    new = add_profile_text(text, "mine", {"citizen_rights": 0.5, "escalation_risk": 0.5}, note="a note")
    assert new.startswith(text.rstrip("\n"))
    assert new[len(text.rstrip("\n")):] == "\n  # a note\n  mine:\n    citizen_rights: 0.5\n    escalation_risk: 0.5\n"


def test_weights_section_is_created_when_missing(tmp_path):
    new = add_profile_text("negotiator: 1  # keep me\ntitle: T\n", "p", {"a": 1.0})
    assert new == "negotiator: 1  # keep me\ntitle: T\nweights:\n  p:\n    a: 1.0\n"


def test_save_profile_writes_backup_and_reloads(cases_dir, tmp_path):
    case = tmp_path / "tiny.yaml"
    case.write_bytes((cases_dir / "tiny.yaml").read_bytes())
    loaded = load_case(case)
    file, reloaded = save_profile(loaded, [case], "gain_only", {"gain": 1.0, "cost": 0.0, "risk": 0.0})
    assert file == case and (tmp_path / "tiny.yaml.bak").read_bytes() == (cases_dir / "tiny.yaml").read_bytes()
    assert reloaded.case.weights["gain_only"] == {"gain": 1.0, "cost": 0.0, "risk": 0.0}
    assert "# A small case whose default-method numbers" in case.read_text(encoding="utf-8")


def test_refuses_when_the_file_changed_since_it_was_opened(cases_dir, tmp_path):
    case = tmp_path / "tiny.yaml"
    case.write_bytes((cases_dir / "tiny.yaml").read_bytes())
    loaded = load_case(case)
    case.write_text(case.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
    with pytest.raises(UsageError, match="changed on disk"):
        save_profile(loaded, [case], "p", {"gain": 1.0})
    assert not (tmp_path / "tiny.yaml.bak").exists()


def test_crlf_file_is_not_mistaken_for_a_changed_one(cases_dir, tmp_path):
    case = tmp_path / "tiny.yaml"
    case.write_bytes((cases_dir / "tiny.yaml").read_bytes().replace(b"\n", b"\r\n"))
    file, reloaded = save_profile(load_case(case), [case], "p", {"gain": 1.0, "cost": 0.0, "risk": 0.0})
    assert "p" in reloaded.case.weights


def test_bundled_case_is_read_only():
    with pytest.raises(UsageError, match="read-only"):
        profile_file(load_case())


@pytest.mark.parametrize("name, words", [("", "give the profile a name"), ("two words", "cannot be a profile name"), ("main", "already has a profile 'main'")])
def test_bad_names(cases_dir, tmp_path, name, words):
    case = tmp_path / "tiny.yaml"
    case.write_bytes((cases_dir / "tiny.yaml").read_bytes())
    with pytest.raises(UsageError, match=words):
        save_profile(load_case(case), [case], name, {"gain": 1.0})
    assert case.read_bytes() == (cases_dir / "tiny.yaml").read_bytes()


def test_with_profile_adds_the_ui_weights_in_memory_only(cases_dir):
    from negotiator.ranking import api
    from negotiator.case.edit import with_profile

    loaded = load_case(cases_dir / "tiny.yaml")
    before = (cases_dir / "tiny.yaml").read_bytes()
    weights = {"gain": 0.2, "cost": 0.3, "risk": 0.5}
    copy, name = with_profile(loaded, weights)
    assert name == "current_weights" and "unsaved weights" in copy.name
    assert copy.sha256 != loaded.sha256 and "current_weights" not in loaded.case.weights
    assert [(r.option, r.score) for r in api.rank(copy, profile=name).rows] == [(r.option, r.score) for r in api.rank(loaded, weights=weights).rows]
    again, second = with_profile(copy, weights)
    assert second == "current_weights_2"
    assert (cases_dir / "tiny.yaml").read_bytes() == before


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("eol", [b"\r\n", b"\n", b"\r"])
def test_save_keeps_the_files_bom_and_line_endings(cases_dir, tmp_path, bom, eol):
    """Issue 15: the save dropped a BOM and mixed CRLF and LF."""
    case = tmp_path / "tiny.yaml"
    original = bom + (cases_dir / "tiny.yaml").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", eol)
    case.write_bytes(original)
    loaded = load_case(case)
    save_profile(loaded, [case], "gain_only", {"gain": 1.0, "cost": 0.0, "risk": 0.0}, note="mine")
    saved = case.read_bytes()
    lf_text = (cases_dir / "tiny.yaml").read_bytes().replace(b"\r\n", b"\n").decode("utf-8")
    expected = add_profile_text(lf_text, "gain_only", {"gain": 1.0, "cost": 0.0, "risk": 0.0}, note="mine")
    assert saved == bom + expected.encode("utf-8").replace(b"\n", eol)
    assert saved.startswith(b"\xef\xbb\xbf") == bool(bom)
    body = saved[len(bom):]
    others = [e for e in (b"\r\n", b"\n", b"\r") if e != eol]
    assert body.count(eol) > 5 and not any(e in body.replace(eol, b"") for e in others), body[-200:]
    assert load_case(case).case.weights["gain_only"]["gain"] == 1.0
    assert (tmp_path / "tiny.yaml.bak").read_bytes() == original
