"""Split a document's text into blocks (lines, bullets, embedded posts) and sentences.

Page dumps put one paragraph on a line, so a block is a non-empty line; an embedded social-media
post ("body lines" then "— Name (@handle) date") is one block over several lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate

from extract import lang
from extract.model import Span


class BlockKind(StrEnum):
    PROSE = "prose"
    BULLET = "bullet"
    POST = "post"


@dataclass(frozen=True, slots=True)
class Post:
    """An embedded post: its words (`body`, trailing link excluded) and its attribution line."""

    span: Span  # body through the end of the attribution line
    body: Span
    author: Span  # the name in the attribution line
    handle: Span | None


@dataclass(frozen=True, slots=True)
class Block:
    span: Span  # the content, bullet marker and surrounding white space excluded
    kind: BlockKind
    sentences: tuple[Span, ...]
    post: Post | None = None


# A line: any run of characters without a newline.
_LINE = re.compile(r"[^\n]+")
# A bullet marker at the start of a line: "- ", "• ", "* ", "1. ", "2) ".
_BULLET = re.compile(r"[ \t]*(?:[-–•*·▪►]|\d{1,2}[.)])[ \t]+(?=\S)")
# What a bullet marker may open with, but for a digit: most lines open with none, and need not
# be matched against _BULLET.
_BULLET_OPENERS = frozenset(" \t-–•*·▪►")
# A post's attribution line: "— Ada Lind (@adalind) May 3, 2024": a dash, a short
# capitalised name, a handle and/or a date, nothing else (matched at each line's start).
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:[—–]|-(?=[ \t]*[A-Z][^\n]*\(@))[ \t]*"
    r"(?P<author>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*"
    r"|(?:"
    + "|".join(map(re.escape, lang.entries("author_particles")))
    + r")(?=[ \t]+[A-Z]))){0,4})"
    r"[ \t]*"
    r"(?:\((?P<handle>@\w{1,30})\))?[ \t]*"
    r"(?P<rest>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4})?)"
    r"[ \t]*$",
    re.MULTILINE,
)
# A line's start that _ATTRIBUTION may match at, and the same after a newline.
_DASH_OPENING = re.compile(r"[ \t]*[—–-]")
_DASH_LINE = re.compile(r"\n[ \t]*[—–-]")
# A link at the end of a post body: "https://t.co/JWbAQ04kcw", "pic.twitter.com/abc".
_TRAILING_LINK = re.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/)\S+)+\s*$")
# The longest post body we accept when walking back from an attribution line.
_POST_MAX_CHARS = 320  # 280 characters and a link
# Lines above a post's last line longer than this are prose, not the post.
_POST_LINE_CHARS = 150

# Marks that end a line's sentence, so that the next line is not its continuation.
_FINAL_MARKS = frozenset(".!?:;\"”’')]")
# A possible sentence end: terminal punctuation, closing quotes or brackets (group 1), white
# space. It opens with one mark, not a repeat of them, so that a search skips to the marks.
_BOUNDARY = re.compile(r"([.!?…][.!?…]*[\"”’')\]]*)\s+")
# The first word after a sentence boundary, maybe behind an opening quotation mark.
_NEXT_WORD = re.compile(r"[\"“‘']?(\w+)")
# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = lang.words("abbreviations")
# Words that start a new sentence after a dotted acronym ("... in the U.S. The talks ...").
_SENTENCE_STARTERS = lang.words("sentence_starters")


def blocks(
    text: str, *, skip: Sequence[Span] = (), posts: Sequence[Post] | None = None
) -> list[Block]:
    """The text's content blocks in order, leaving out lines that overlap `skip` (boilerplate).

    `posts` is the text's `find_posts`; found here when not given.
    """
    posts = find_posts(text) if posts is None else posts
    taken = sorted([*skip, *(p.span for p in posts)])
    taken_starts = [s.start for s in taken]
    reach = list(accumulate((s.end for s in taken), max))  # the furthest end up to each span
    out = [
        Block(p.span, BlockKind.POST, (p.span,), p)
        for p in posts
        if not any(s.overlaps(p.span) for s in skip)
    ]
    for match in _LINE.finditer(text):
        start, end = match.span()
        before = bisect_left(taken_starts, end)  # spans that start before the line ends
        if before and reach[before - 1] > start:
            continue
        first = text[start]
        bullet = (
            _BULLET.match(text, start, end)
            if first in _BULLET_OPENERS or first.isdigit()  # \d is a decimal, which isdigit
            else None
        )
        if bullet:
            start = bullet.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        previous = out[-1] if len(out) > len(posts) else None
        if not bullet and previous is not None and _continues_bullet(text, previous, match.start()):
            span = Span(previous.span.start, end)
            out[-1] = Block(span, BlockKind.BULLET, _sentences(text, span.start, end))
            continue
        span = Span(start, end)
        kind = BlockKind.BULLET if bullet else BlockKind.PROSE
        out.append(Block(span, kind, _sentences(text, start, end)))
    out.sort(key=lambda b: b.span.start)
    return out


def _continues_bullet(text: str, previous: Block, line_start: int) -> bool:
    """A hard-wrapped bullet's next line: right below a bullet that stopped mid-sentence,
    indented or starting in lower case."""
    if (
        previous.kind is not BlockKind.BULLET
        or text[previous.span.end - 1] in _FINAL_MARKS
        or "\n" in text[previous.span.end : line_start - 1]
    ):
        return False
    first = text[line_start]
    return first in " \t" or first.islower()


def find_posts(text: str) -> list[Post]:
    """Embedded posts: the lines above an attribution line, as long as a post can be."""
    posts = []
    for line_start in _dash_line_starts(text):
        match = _ATTRIBUTION.match(text, line_start)
        if match is None or (not match["handle"] and not match["rest"]):
            continue  # a dash line without a handle or a date is an ordinary attribution
        end_of_body = match.start() - 1
        if end_of_body <= 0 or text[end_of_body] != "\n":
            continue
        start = text.rfind("\n", 0, end_of_body) + 1  # the last body line
        while start > 0:
            previous = text.rfind("\n", 0, start - 1) + 1
            line = text[previous : start - 1]
            if not _continues_post(line) or end_of_body - previous > _POST_MAX_CHARS:
                break
            start = previous
        if start >= end_of_body:
            continue
        body = text[start:end_of_body]
        link = _TRAILING_LINK.search(body)
        body_end = start + (link.start() if link else len(body.rstrip()))
        author = Span(match.start("author"), match.end("author"))
        handle = Span(match.start("handle"), match.end("handle")) if match["handle"] else None
        posts.append(Post(Span(start, match.end()), Span(start, body_end), author, handle))
    return posts


def _dash_line_starts(text: str) -> Iterator[int]:
    """Where each line of `text` that opens with a dash starts (maybe after spaces or tabs), as
    an attribution line does: found from the newlines before them, so that _ATTRIBUTION is not
    tried at every line."""
    if _DASH_OPENING.match(text):
        yield 0
    for newline in _DASH_LINE.finditer(text):
        yield newline.start() + 1


def is_dateline_place(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the place of a dateline: in capitals, opening a line, then a
    comma, a bracket or a dash ("OSLO, May 2 (Agency) -", "WASHINGTON —")."""
    return (
        (start == 0 or text[start - 1] == "\n")
        and text[start:end].isupper()
        and _DATELINE_END.match(text, end) is not None
    )


# What follows a dateline's place.
_DATELINE_END = re.compile(r"[ \t]*[,(—–-]")


def _continues_post(line: str) -> bool:
    """Posts broken over lines have short lines; a paragraph or an introduction ("She wrote:")
    above them is not part of the post."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) < _POST_LINE_CHARS and not stripped.endswith(":")


def sentences(text: str, span: Span) -> list[Span]:
    """Sentences of one block, each trimmed of surrounding white space.

    A sentence that a boundary ends stops at its punctuation and closing marks (the boundary's
    first group), and the next starts after the boundary's white space: neither needs trimming,
    and neither is empty."""
    start, limit = span.start, span.end
    while start < limit and text[start].isspace():
        start += 1
    while limit > start and text[limit - 1].isspace():
        limit -= 1
    return list(_sentences(text, start, limit)) if start < limit else []


def _sentences(text: str, start: int, limit: int) -> tuple[Span, ...]:
    """The sentences of text[start:limit], which neither starts nor ends with white space (as
    blocks are cut)."""
    out = []
    for match in _BOUNDARY.finditer(text, start, limit):
        end = match.end()
        if end < limit and _ends_sentence(text, match, limit):
            out.append(Span(start, match.end(1)))
            start = end
    out.append(Span(start, limit))
    return tuple(out)


def _ends_sentence(text: str, boundary: re.Match[str], limit: int) -> bool:
    """Whether a boundary that stops before `limit` ends a sentence."""
    after = boundary.end()
    first = text[after]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'("):
        return False
    stop = boundary.group(1).lstrip("!?…")
    if not stop.startswith(".") or stop.startswith(".."):
        return True
    token = _word_before(text, boundary.start(), max(0, boundary.start() - 30))
    if not token:
        return True
    if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return False
    if "." in token:  # a dotted acronym: "U.S." ends a sentence only before a sentence starter
        following = text[after : min(limit, after + 40)]
        next_word = _NEXT_WORD.match(following)
        return next_word is not None and next_word.group(1).lower() in _SENTENCE_STARTERS
    return True


def _word_before(text: str, stop: int, start: int) -> str:
    """The word and full stops right before the full stop at `stop`, from `start` at most ("U.S"
    of "U.S."); "" when `stop` holds no full stop. Read backwards: a search for them would try
    every character from `start`."""
    if text[stop] != ".":
        return ""
    at = stop
    while at > start and (text[at - 1].isalnum() or text[at - 1] in "._"):  # \w or a full stop
        at -= 1
    return text[at:stop]
