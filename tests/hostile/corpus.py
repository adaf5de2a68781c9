"""A folder of hostile and strange article files, built at test time (no binaries committed).

`build(folder)` writes it and says what each file is: `GOOD` files must be stored, `BAD` ones
must each get one line on stderr. Strange but readable text (invalid UTF-8, mixed encodings,
zero-width and right-to-left characters, 100,000 quotation marks, a 5 MB line, broken HTML) is
good: chronicle must read it, not refuse it.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

# A file on which read() fails with EACCES even for root (sysfs: write-only attribute).
_ROOT_UNREADABLE = Path("/sys/bus/pci/rescan")
HUGE_BYTES = 50 * 2**20
LONG_LINE_BYTES = 5 * 2**20
QUOTE_MARKS = 100_000
NESTING = 5_000


@dataclass(frozen=True, slots=True)
class Hostile:
    good: tuple[str, ...]  # file names that must be stored
    bad: tuple[str, ...]  # file names that must each be reported on one line
    skipped: tuple[str, ...]  # cases this machine cannot build, with the reason
    explicit: tuple[Path, ...]  # paths to name on the command line besides the folder


def article(topic: str, n: int = 0) -> str:
    """A small readable news article about `topic` (its own words, so no two are the same)."""
    return (
        f"{topic.title()} plan approved\n"
        f"Published March {n % 27 + 1}, 2024\n\n"
        f"On March {n % 27 + 1}, 2024, the regional assembly approved the {topic} plan number "
        f"{n} after a long debate.\n"
        f'Minister Ruth Okafor said the {topic} plan was "overdue and necessary".\n'
        f"Critics had protested outside the assembly on February 12, 2024.\n"
    )


def _unreadable(folder: Path) -> str | None:
    """An article file whose read fails with EACCES; None when this machine cannot make one."""
    path = folder / "unreadable.txt"
    if os.geteuid() != 0:
        path.write_text(article("forestry"))
        path.chmod(0)
        return path.name
    # Root reads any file whatever its mode: point at a kernel file whose read() is refused.
    try:
        _ROOT_UNREADABLE.open("rb").read(1)
    except PermissionError:
        path.symlink_to(_ROOT_UNREADABLE)
        return path.name
    except OSError:
        return None
    return None


def build(folder: Path) -> Hostile:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    good: dict[str, bytes] = {
        "plain.txt": article("rail").encode(),
        "emoji.txt": article("fisheries 🐟🎣👩🏽‍🔬").encode(),
        "zero-width.txt": article("w\u200bat\u200der\u2060 \ufeffsupply").encode(),
        "right-to-left.txt": (
            article("housing") + "The sign read \u202eevil\u202c and \u05e9\u05dc\u05d5\u05dd "
            "\u0645\u0631\u062d\u0628\u0627 \u2067isolate\u2069.\n"
        ).encode(),
        "invalid-utf8.txt": article("tram").encode() + b"Caf\xc3 \xff\xfe broken \xc3\x28.\n",
        "mixed-encodings.txt": (
            article("port").encode()
            + "Z\u00fcrich caf\u00e9 ".encode()
            + "M\u00fcnchen na\u00efve\n".encode("cp1252")
        ),
        "latin1.txt": article("ferry").replace("Okafor", "Mu\u00f1oz").encode("latin-1"),
        "utf16.txt": b"\xff\xfe" + article("canal").encode("utf-16-le"),
        "quotes.txt": (
            article("water") + '"' * QUOTE_MARKS + "\n" + "\u201c\u201d" * 1000
        ).encode(),
        "long-line.txt": (article("grid") + "word " * (LONG_LINE_BYTES // 5) + "\n").encode(),
        "unbalanced.html": (
            b"<html><head><title>Harbour <b>plan</title></head><body><div><p>On March 3, 2024 "
            b'the harbour board <i>approved <b>a plan.<p>Mayor Ines Roth said it was "good".'
            b"</div></div></span></body>"
        ),
        "nested.html": (
            "<html><body>"
            + "<div>" * NESTING
            + "<p>On March 4, 2024 the museum reopened.</p>"
            + "</div>" * (NESTING // 2)
            + "</body></html>"
        ).encode(),
        "markup-and-escapes.txt": (
            article("library") + "[bold red]loud[/bold red] \x1b[31mred\x1b[0m "
            "\x1b]52;c;aGk=\x07 \x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\\n"
        ).encode(),
    }
    bad: dict[str, bytes] = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "empty.txt": b"",
        "blank.md": b" \n\t\n  ",
        "nul-bytes.txt": article("bridge").encode().replace(b" ", b"\x00", 3),
        "huge.txt": b"",  # written below: 50 MB, above the 20 MB limit
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as handle:
        chunk = article("huge").encode() * 2048
        for _ in range(HUGE_BYTES // len(chunk) + 1):
            handle.write(chunk)
    # Symlink loops: a folder that contains itself (walked once, no error), and two article
    # names that point at each other (nothing to read: one line).
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    bad_names = [*bad, "ping.txt", "pong.txt"]
    skipped = []
    unreadable = _unreadable(folder)
    if unreadable:
        bad_names.append(unreadable)
    else:
        skipped.append("unreadable file: running as root and no file refuses root's read()")
    # Named on the command line: a named pipe (reading it would block for ever) and a path
    # that does not exist. (A folder walk skips pipes without a word.)
    pipe = folder.parent / "pipe.txt"
    os.mkfifo(pipe)
    missing = folder.parent / "missing.txt"
    bad_names += [pipe.name, missing.name]
    return Hostile(tuple(good), tuple(bad_names), tuple(skipped), (pipe, missing))
