"""Finding article files on the command line's paths and reading their bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.sources import SUFFIXES, SourceError, SourceProblem, discover, read_source


def _make(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"text of {name}\n", encoding="utf-8")


@pytest.mark.parametrize(
    "names, expected",
    [
        # nested folders: depth first, in name order
        (
            ["b.txt", "a/z.md", "a/b/c.html", "a/a.htm", "c.TXT"],
            ["a/a.htm", "a/b/c.html", "a/z.md", "b.txt", "c.TXT"],
        ),
        # other suffixes are left out of a folder walk
        (["notes.pdf", "photo.jpg", "story.txt", "data.json"], ["story.txt"]),
        # hidden files and folders are skipped
        ([".draft.txt", ".git/HEAD.txt", "sub/.cache/x.md", "sub/y.md"], ["sub/y.md"]),
    ],
)
def test_discover_walks_folders(tmp_path: Path, names: list[str], expected: list[str]) -> None:
    _make(tmp_path, names)
    files, problems = discover([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in files] == expected
    assert problems == []


def test_discover_takes_explicit_files_whatever_their_suffix(tmp_path: Path) -> None:
    _make(tmp_path, ["article.pdf", "story.txt", ".hidden"])
    given = [tmp_path / "article.pdf", tmp_path / ".hidden", str(tmp_path / "story.txt")]
    files, problems = discover(given)
    assert files == [tmp_path / "article.pdf", tmp_path / ".hidden", tmp_path / "story.txt"]
    assert problems == []


def test_discover_lists_a_file_once(tmp_path: Path) -> None:
    _make(tmp_path, ["a.txt", "b.txt"])
    files, _ = discover([tmp_path / "b.txt", tmp_path, tmp_path / "b.txt"])
    assert files == [tmp_path / "b.txt", tmp_path / "a.txt"]


@pytest.mark.parametrize(
    "names, message",
    [
        ([], "no .txt, .md, .html or .htm files"),
        (["image.png", "sub/notes.pdf", ".hidden.txt"], "no .txt, .md, .html or .htm files"),
    ],
)
def test_discover_reports_folders_without_articles(
    tmp_path: Path, names: list[str], message: str
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _make(folder, names)
    files, problems = discover([folder])
    assert files == []
    assert problems == [SourceProblem(str(folder), message)]


def test_discover_reports_missing_paths_and_goes_on(tmp_path: Path) -> None:
    _make(tmp_path, ["here.txt"])
    missing = tmp_path / "gone.txt"
    files, problems = discover([missing, tmp_path / "here.txt", tmp_path / "no-folder"])
    assert files == [tmp_path / "here.txt"]
    assert problems == [
        SourceProblem(str(missing), "no such file or directory"),
        SourceProblem(str(tmp_path / "no-folder"), "no such file or directory"),
    ]
    assert str(problems[0]) == f"{missing}: no such file or directory"


def test_discover_survives_symlink_loops(tmp_path: Path) -> None:
    _make(tmp_path, ["a/story.txt"])
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink(tmp_path / "a" / "story.txt", tmp_path / "link.txt")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    files, problems = discover([tmp_path])
    assert files == [tmp_path / "a" / "story.txt"]  # the link to it is the same file
    assert problems == []


def test_discover_refuses_special_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert discover([fifo]) == ([], [SourceProblem(str(fifo), "not a regular file")])
    assert discover([tmp_path]) == (
        [],
        [SourceProblem(str(tmp_path), "no .txt, .md, .html or .htm files")],
    )


def test_source_problem_prints_on_one_line_with_the_name_escaped() -> None:
    problem = SourceProblem("odd\nname.txt", "permission\ndenied")
    assert str(problem) == "odd\\nname.txt: permission denied"


def test_suffixes() -> None:
    assert SUFFIXES == (".txt", ".md", ".html", ".htm")


def test_read_source_returns_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfHello\r\n")
    assert read_source(path) == b"\xef\xbb\xbfHello\r\n"


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such file or directory"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"x" * 11), "file too large (11 bytes; the limit is 10)"),
    ],
)
def test_read_source_errors(tmp_path: Path, setup, message: str) -> None:
    path = tmp_path / "article.txt"
    setup(path)
    with pytest.raises(SourceError) as raised:
        read_source(path, max_bytes=10)
    assert str(raised.value) == message
    assert isinstance(raised.value, OSError)
