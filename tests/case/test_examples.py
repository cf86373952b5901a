"""Example cases ship with the package and any command takes one as `example:NAME`."""

from __future__ import annotations

import os

from negotiator.case.catalog import example_names, load_case


def test_every_shipped_example_is_a_valid_case():
    assert "methods_demo" in example_names()
    for name in example_names():
        assert load_case([f"example:{name}"]).case.options


def test_an_example_is_found_from_any_folder(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("ahp", "example:methods_demo")
    assert r.exit_code == 0, r.stderr
    assert "AHP profile" in r.stdout
    listing = cli("examples")
    assert "example:methods_demo" in listing.stdout and "Methods demo" in listing.stdout


def test_an_unknown_example_names_the_ones_there_are(cli):
    r = cli("rank", "example:no_such_case")
    assert r.exit_code == 2
    assert "no example case named 'no_such_case'" in r.stderr and "methods_demo" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_examples_hold_yaml_only():
    from negotiator.case.catalog import examples_dir

    assert not [p for p in os.listdir(examples_dir()) if not p.endswith(".yaml")]
