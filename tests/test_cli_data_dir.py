"""A data folder that cannot be used (a file, a folder no file can be written in, a path
under /proc) is said with its path by every command and the console, exit 2, nothing
changed; never a traceback."""

from __future__ import annotations

import array
import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefbot.cli import app, data_dir_problem

COMMANDS = [["docs"], ["search", "就业"], ["doctor"], ["console"], []]


def invoke(corpus, data, args, input: str | None = None):
    base = ["--corpus-dir", str(corpus), "--data-dir", str(data)]
    result = CliRunner().invoke(app, [*base, *args], env={"COLUMNS": "400"}, input=input)
    return result, " ".join(result.output.split())


def tree(folder):
    return sorted((p.relative_to(folder).as_posix(), p.is_dir()) for p in folder.rglob("*"))


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "bare")
def test_a_data_folder_under_proc_is_refused_for_root_too(corpus_copy, args):
    data = "/proc/briefbot-no-such-data-folder/data"
    result, said = invoke(corpus_copy, data, args, input="就业\n")
    assert result.exit_code == 2, said
    assert f"cannot create the data folder {data}" in said and "BRIEFBOT_DATA_DIR" in said
    assert "Traceback" not in said and not isinstance(result.exception, OSError)
    assert not os.path.exists("/proc/briefbot-no-such-data-folder")


def test_an_existing_folder_no_file_can_be_written_in_is_refused():
    """/proc itself: a folder, writable by its mode bits for root, yet no file goes there."""
    problem = data_dir_problem(Path("/proc"))
    assert problem is not None and problem.startswith("the data folder /proc is not writable")


# Linux's inode flags (linux/fs.h): an immutable folder takes no new file, even from root
_GETFLAGS, _SETFLAGS, _IMMUTABLE = 0x80086601, 0x40086602, 0x10


def _immutable(folder: Path, on: bool) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(fd, _GETFLAGS, flags, True)
        flags[0] = flags[0] | _IMMUTABLE if on else flags[0] & ~_IMMUTABLE
        fcntl.ioctl(fd, _SETFLAGS, flags)
    finally:
        os.close(fd)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` as no process can write in: its mode bits for a user; for root, whom
    they do not stop, the immutable attribute (chattr +i), which does."""
    if os.geteuid() != 0:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            yield
        finally:
            folder.chmod(stat.S_IRWXU)
        return
    try:
        _immutable(folder, True)
    except OSError as exc:  # no CAP_LINUX_IMMUTABLE, or a file system without the flag
        pytest.skip(f"root, and {folder} cannot be made immutable: {exc.strerror}")
    try:
        yield
    finally:
        _immutable(folder, False)


def test_a_read_only_data_folder_is_refused_and_left_as_it_was(corpus_copy, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "keep.txt").write_text("x")
    before = tree(data)
    with read_only(data):
        for args in COMMANDS:
            result, said = invoke(corpus_copy, data, args, input="就业\n")
            assert result.exit_code == 2, said
            assert f"the data folder {data} is not writable" in said
    assert tree(data) == before


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "bare")
def test_a_file_as_the_data_folder_or_its_index_folder_is_refused(corpus_copy, tmp_path, args):
    a_file = tmp_path / "data.txt"
    a_file.write_text("not a folder")
    result, said = invoke(corpus_copy, a_file, args)
    assert result.exit_code == 2 and f"the data folder {a_file} is a file" in said
    assert a_file.read_text() == "not a folder"
    data = tmp_path / "data"
    data.mkdir()
    (data / "index").write_text("not a folder")
    before = tree(data)
    result, said = invoke(corpus_copy, data, args)
    assert result.exit_code == 2, said
    assert f"the index folder {data / 'index'} in the data folder is a file" in said
    assert "Traceback" not in said and tree(data) == before
