"""A regular (not editable) install: ``pip install .`` gives a working ``briefbot``.

The project is copied as a fresh clone would have it and installed into a new virtual
environment, offline: no dependencies are downloaded (they come from the test's own
environment, through a ``.pth`` file) and the wheel is built with the setuptools of
the dev extra. ``briefbot`` then runs from another folder, with a home of its own.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

# What a clone has that a build does not need (or that a working tree adds to it).
NOT_CLONED = {".git", ".venv", "build", "data", "tests", "bench", ".ruff_cache", ".pytest_cache"}


def _not_cloned(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == PROJECT_ROOT
    return {
        name
        for name in names
        if name == "__pycache__" or (top and (name in NOT_CLONED or name.endswith(".egg-info")))
    }


def run(cmd: list[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 120):
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BRIEFBOT_", "PYTHON", "XDG_", "TELEGRAM_"))
    }
    env["HOME"] = str(home)
    return env


def _install(top: Path) -> Path:
    """A virtual environment in ``top`` with the project installed from a copy of its
    sources: the environment's folder."""
    src = top / "src"
    # symlinks=True: bot/_bundled links to config/ and corpus/, as in git
    shutil.copytree(PROJECT_ROOT, src, symlinks=True, ignore=_not_cloned)
    venv = top / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    (purelib,) = (venv / "lib").glob("python3*/site-packages")
    # The dependencies (and pip, setuptools) of this environment, after the venv's own
    # packages. Folders named in a .pth are not scanned for .pth files themselves, so the
    # editable install of the checkout stays out of sight.
    (purelib / "briefbot_test_deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    # pip runs with a home of its own (its cache): the tests' home starts empty
    (top / "pip-home").mkdir()
    python = venv / "bin" / "python"
    pip = [python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index"]
    done = run(
        [*pip, "--quiet", "--disable-pip-version-check", src],
        cwd=top,
        env=_clean_env(top / "pip-home"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    """A virtual environment with the project installed from a copy of its sources, and a
    home and a working folder of this process's own.

    The environment is installed once per test run: the first pytest-xdist worker to ask
    installs it under a lock in the run's shared temporary folder, another waits and uses
    it (it only reads it; ``test_a_missing_configuration_is_a_clear_error`` damages a copy).
    Each worker had installed its own before, the same sources the same way: 2-3 s of CPU
    and ~10 s of wall repeated (bench/RESULTS.md, suite-margin)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    top = shared / "installed"
    with open(f"{top}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when closed
        if not (top / "done").exists():
            shutil.rmtree(top, ignore_errors=True)  # an install cut short
            top.mkdir()
            _install(top)
            (top / "done").touch()
    venv = top / "venv"
    own = tmp_path_factory.mktemp("install")
    home = own / "home"
    home.mkdir()
    elsewhere = own / "elsewhere"
    elsewhere.mkdir()
    return {
        "venv": venv,
        "python": venv / "bin" / "python",
        "home": home,
        "cwd": elsewhere,
        "env": _clean_env(home),
    }


def test_the_installed_package_is_not_the_checkout(installed):
    done = run(
        [installed["python"], "-c", "import bot.config as c; print(c.__file__, c.PROJECT_ROOT)"],
        cwd=installed["cwd"],
        env=installed["env"],
    )
    assert done.returncode == 0, done.stderr
    module, root = done.stdout.split()
    assert Path(module).is_relative_to(installed["venv"])
    assert Path(root).is_relative_to(installed["venv"]) and Path(root).name == "_bundled"
    assert (Path(root) / "config" / "default.toml").is_file()
    assert not (Path(root) / "config").is_symlink()  # real files, not links to the checkout


@pytest.mark.heavy
def test_briefbot_runs_from_any_folder_with_config_and_the_sample_corpus(installed):
    briefbot = installed["venv"] / "bin" / "briefbot"
    done = run([briefbot, "--help"], cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stderr
    assert "search" in done.stdout and "docs" in done.stdout

    done = run([briefbot, "docs", "--json"], cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stderr
    docs = json.loads(done.stdout)
    assert sorted(d["filename"] for d in docs) == sorted(
        p.name for p in (PROJECT_ROOT / "corpus").glob("*.txt")
    )
    assert any(d["title"] == "烟台市2024年政府工作报告" for d in docs)

    # user dictionary, synonyms and the indicator table came along: a search is corrected
    # and key targets are found with their canonical names
    done = run(
        [briefbot, "search", "营商环竟", "-n", "1"], cwd=installed["cwd"], env=installed["env"]
    )
    assert done.returncode == 0, done.stderr
    assert "营商环境" in done.stdout
    done = run(
        [briefbot, "targets", "--indicator", "GDP", "--region", "烟台", "--json"],
        cwd=installed["cwd"],
        env=installed["env"],
    )
    assert done.returncode == 0, done.stderr
    assert "地区生产总值" in {r["indicator"] for r in json.loads(done.stdout)}

    # the index and the database are the user's, not the package's or the folder's
    state = installed["home"] / ".local" / "share" / "briefbot" / "data"
    assert (state / "index").is_dir()
    assert list(installed["cwd"].iterdir()) == []


@pytest.mark.heavy
def test_the_offline_console_chats_with_the_installed_bot(installed):
    """``briefbot`` alone: the Telegram layer and the fake server were installed too."""
    done = subprocess.run(
        [installed["venv"] / "bin" / "briefbot"],
        input="乡村振兴\n/targets GDP\n:quit\n",
        cwd=installed["cwd"],
        env=installed["env"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "» 乡村振兴" in done.stdout and "深入实施乡村振兴战略" in done.stdout
    assert "地区生产总值" in done.stdout.split("» /targets GDP")[1]


@pytest.mark.heavy
def test_a_missing_configuration_is_a_clear_error(installed, tmp_path):
    broken = tmp_path / "venv"
    shutil.copytree(installed["venv"], broken, symlinks=True)
    (purelib,) = (broken / "lib").glob("python3*/site-packages")
    shutil.rmtree(purelib / "bot" / "_bundled" / "config")
    done = run(
        [broken / "bin" / "python", "-m", "briefbot", "docs"],
        cwd=installed["cwd"],
        env=installed["env"],
    )
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert "configuration error" in message and "default.toml" in message
    assert "reinstall" in message
    assert "Traceback" not in done.stderr
