"""The bundled case ships inside the wheel: a plain (non-editable) install ranks it.

Builds the wheel from this checkout, installs it into a fresh virtual
environment (its dependencies come from the running interpreter's site
packages, so no network is needed), and runs `negotiator rank` from a folder
that is not the checkout.

The running interpreter may itself be a virtual environment: `system_site_packages`
would show the *base* interpreter's packages, not the ones the README's install put
in the active environment, so the new environment gets a .pth file naming the running
interpreter's own site folders instead (after its own, so the wheel wins).
"""

import json
import os
import site
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    (found,) = out.glob("negotiator-*.whl")
    return found


def test_wheel_holds_the_bundled_yaml_and_no_python_in_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "negotiator/_bundled/strategies/options.yaml" in names
    assert "negotiator/_bundled/examples/methods_demo.yaml" in names
    assert any(n.startswith("negotiator/_bundled/payoffs/") and n.endswith(".yaml") for n in names)
    assert not any(n.startswith("negotiator/_bundled/") and n.endswith(".py") for n in names)


def test_installed_wheel_ranks_the_bundled_case(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    own_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    running = [p for p in site.getsitepackages() + [site.getusersitepackages()] if Path(p).is_dir()]
    # Plain path lines: the .pth files inside those folders (an editable install of this
    # checkout among them) are not run, so the only negotiator the new environment sees is the wheel.
    Path(own_site, "running_interpreter_deps.pth").write_text("\n".join(running) + "\n")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--ignore-installed", "--quiet", str(wheel)],
        capture_output=True, text=True,
    )
    if install.returncode != 0 and "no such option: --python" in install.stderr:
        pytest.skip("pip too old for --python")
    assert install.returncode == 0, install.stderr
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import negotiator.case.catalog as c; print(c.bundled_dirs()[0])"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert where.returncode == 0, where.stderr
    assert "_bundled" in where.stdout and str(env_dir) in where.stdout
    run = subprocess.run([str(bindir / "negotiator"), "rank", "--format", "json"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["case"] == "bundled" and len(data["ranking"]) >= 10
    table = subprocess.run([str(bindir / "negotiator"), "rank"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert table.returncode == 0 and "Ranking" in table.stdout
    example = subprocess.run([str(bindir / "negotiator"), "ahp", "example:methods_demo", "--format", "json"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert example.returncode == 0, example.stderr
    assert json.loads(example.stdout)["profiles"]


def _declared() -> list[str]:
    """The runtime dependencies as pyproject.toml declares them."""
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


# -- the installed wheel, with nothing but the declared dependencies ----------------------


def _requirement(text: str):
    return pytest.importorskip("packaging.requirements").Requirement(text)


def _closure(requirements: list[str]) -> set[str]:
    """Every distribution the requirements pull in (markers evaluated, no extras), by name."""
    seen: set[str] = set()
    todo = [_requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = distribution(req.name)
        except PackageNotFoundError:
            continue  # not installed here: then the import below fails and says which
        seen.add(key)
        for text in dist.requires or []:
            sub = _requirement(text)
            wanted = [e for e in req.extras if sub.marker is not None and sub.marker.evaluate({"extra": e})]
            if wanted:  # asked for through an extra (markdown-it-py[linkify]): its marker is met
                sub.marker = None
            todo.append(sub)
    return seen


def _only_declared_site(tmp_path: Path) -> Path:
    """A folder of links to exactly the files of the declared dependencies' closure."""
    site = tmp_path / "declared-site"
    site.mkdir()
    for name in sorted(_closure(_declared())):
        dist = distribution(name)
        for top in {Path(str(f)).parts[0] for f in dist.files or []}:
            source = Path(dist.locate_file(top))
            if top in ("..", "bin") or not source.exists() or (site / top).exists():
                continue
            (site / top).symlink_to(source)
    return site


@pytest.mark.slow
def test_every_module_of_the_wheel_imports_with_only_the_declared_dependencies(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "declared_only.pth").write_text(str(_only_declared_site(tmp_path)) + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)], capture_output=True, text=True)
    if install.returncode != 0 and "no such option: --python" in install.stderr:
        pytest.skip("pip too old for --python")
    assert install.returncode == 0, install.stderr
    code = (
        "import importlib, pkgutil, negotiator\n"
        "names = [m.name for m in pkgutil.walk_packages(negotiator.__path__, 'negotiator.') if m.name != 'negotiator.__main__']\n"
        "for n in names: importlib.import_module(n)\n"
        "import importlib.util as u\n"
        "leaked = [m for m in ('scipy', 'pymcdm', 'nashpy', 'pytest', 'hypothesis') if u.find_spec(m)]\n"
        "assert not leaked, leaked\n"
        "print(len(names))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert int(run.stdout.split()[-1]) > 100  # every module was reached
