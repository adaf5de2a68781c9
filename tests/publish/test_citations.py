"""Citations in every format, read back with strict parsers, hostile metadata included."""

import json
import re
from datetime import date

import pytest

from extract.display import printable
from extract.model import (
    Citation,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    DateInterval,
    Document,
    Precision,
    Span,
)
from publish import CITATION_FORMATS, format_citation

STRIKE = (
    "Dock workers in Santos walked out on Monday. Union leader Ana Souza said they would "
    "“not go back until the contract is signed”.\n"
)
DAY_THREE = (
    "The strike at the port of Santos\nentered its third day on Wednesday, officials said.\n"
)
FULL = CorpusDocument(
    "a",
    Document(
        "news/santos-strike.txt",
        STRIKE,
        title="Santos dock workers strike over pay",
        publisher="Folha & Co.",
        published=date(2026, 3, 2),
        url="https://example.org/world/santos-strike",
    ),
)
BARE = CorpusDocument("b", Document("/data/news/port-day-three.txt", DAY_THREE))


def _cite(document: CorpusDocument, start: int, end: int) -> Citation:
    return Citation(document.id, Span(start, end), document.document.text[start:end])


QUOTED = _cite(FULL, STRIKE.index("not go"), STRIKE.index("”"))
QUOTE = CorpusQuote("q1", QUOTED.text, speaker="p1", citations=(QUOTED,))
EVENT = CorpusEvent(
    "e1",
    "Monday",
    DateInterval(date(2026, 3, 2), date(2026, 3, 2), Precision.DAY),
    "Dock workers in Santos walked out",
    citations=(
        _cite(FULL, 0, STRIKE.index(" Union")),
        _cite(BARE, 0, DAY_THREE.index("said.") + 5),
    ),
)

# --- strict readers ---------------------------------------------------------------------

# One RIS line: a two-character tag, two spaces, a hyphen, a space, the value.
_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")
# The head of a BibLaTeX entry: `@type{key,` and a line break.
_BIB_HEAD = re.compile(r"@([a-z]+)\{([A-Za-z0-9:_-]+),\n")
# A field's name and the opening brace of its value.
_BIB_FIELD = re.compile(r"  ([a-z]+) = \{")
# A BibLaTeX value's pieces: the commands and escapes publish.escape writes for characters BibTeX
# or LaTeX would read as syntax, a bare brace or backslash (which must not occur), or plain text.
_BIB_TOKEN = re.compile(
    r"\\text(backslash|braceleft|braceright|asciitilde|asciicircum)\{\}|\\([&%$#_])|([{}\\])|([^{}\\]+)"
)
_BIB_COMMANDS = {
    "backslash": "\\",
    "braceleft": "{",
    "braceright": "}",
    "asciitilde": "~",
    "asciicircum": "^",
}


def read_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    assert lines[0] == "TY  - NEWS" and lines[-1] == "ER  - ", text
    tags = []
    for line in lines:
        match = _RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        tags.append(match.groups())
    assert [tag for tag, _ in tags].count("ER") == 1 and [t for t, _ in tags].count("TY") == 1
    return tags[1:-1]


def read_biblatex(text: str) -> tuple[str, str, dict[str, str]]:
    """One entry; a value ends at the brace that balances its opening one, as BibTeX reads it."""
    head = _BIB_HEAD.match(text)
    assert head, text
    fields, at = {}, head.end()
    while match := _BIB_FIELD.match(text, at):
        depth, at = 1, match.end()
        value_start = at
        while depth:
            assert at < len(text), f"unbalanced braces in {text!r}"
            depth += {"{": 1, "}": -1}.get(text[at], 0)
            at += 1
        value = text[value_start : at - 1]
        assert text[at : at + 2] == ",\n", text[at:]
        assert match.group(1) not in fields
        fields[match.group(1)] = value
        at += 2
    assert text[at:] == "}", f"trailing text {text[at:]!r}"
    return head.group(1), head.group(2), fields


def unescape_bib(value: str) -> str:
    text = []
    for command, escaped, bare, plain in _BIB_TOKEN.findall(value):
        assert not bare, f"bare {bare!r} in {value!r}"
        text.append(_BIB_COMMANDS[command] if command else escaped or plain)
    return "".join(text)


# --- every format, spelled out ------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, expected",
    [
        (
            "plain",
            "Ana Souza: “not go back until the contract is signed”\n"
            "“Santos dock workers strike over pay”, Folha & Co., 2 March 2026, "
            "https://example.org/world/santos-strike (characters 85–125)",
        ),
        (
            "markdown",
            "> Ana Souza: “not go back until the contract is signed”\n\n"
            "— [Santos dock workers strike over pay](<https://example.org/world/santos-strike>), "
            "*Folha \\& Co.*, 2 March 2026 (characters 85–125)",
        ),
        (
            "apa",
            "Santos dock workers strike over pay. (2026, March 2). Folha & Co. "
            "https://example.org/world/santos-strike\n"
            "Ana Souza: “not go back until the contract is signed” (characters 85–125)",
        ),
        (
            "mla",
            "“Santos dock workers strike over pay.” Folha & Co., 2 Mar. 2026, "
            "example.org/world/santos-strike.\n"
            "Ana Souza: “not go back until the contract is signed” (characters 85–125)",
        ),
        (
            "chicago",
            "Folha & Co. “Santos dock workers strike over pay.” March 2, 2026. "
            "https://example.org/world/santos-strike.\n"
            "Ana Souza: “not go back until the contract is signed” (characters 85–125)",
        ),
        (
            "biblatex",
            "@article{folha2026santos,\n"
            "  entrysubtype = {newspaper},\n"
            "  title = {Santos dock workers strike over pay},\n"
            "  journaltitle = {Folha \\& Co.},\n"
            "  date = {2026-03-02},\n"
            "  url = {https://example.org/world/santos-strike},\n"
            "  note = {Ana Souza: “not go back until the contract is signed”"
            " (characters 85--125)},\n"
            "}",
        ),
        (
            "ris",
            "TY  - NEWS\n"
            "TI  - Santos dock workers strike over pay\n"
            "T2  - Folha & Co.\n"
            "PY  - 2026\n"
            "DA  - 2026/03/02/\n"
            "UR  - https://example.org/world/santos-strike\n"
            "N1  - Ana Souza: “not go back until the contract is signed” (characters 85–125)\n"
            "ER  - ",
        ),
        (
            "csl-json",
            '[{"id": "folha2026santos", "type": "article-newspaper", '
            '"title": "Santos dock workers strike over pay", "container-title": "Folha & Co.", '
            '"issued": {"date-parts": [[2026, 3, 2]]}, '
            '"URL": "https://example.org/world/santos-strike", '
            '"note": "Ana Souza: “not go back until the contract is signed” (characters 85–125)"}]',
        ),
    ],
)
def test_a_quote_names_its_speaker_words_and_source(fmt, expected):
    assert format_citation(fmt, QUOTE, QUOTED, FULL, speaker="Ana Souza") == expected


PASSAGE = "“The strike at the port of Santos entered its third day on Wednesday, officials said.”"


@pytest.mark.parametrize(
    "fmt, expected",
    [
        (
            "plain",
            f"{PASSAGE}\n“port-day-three.txt”, /data/news/port-day-three.txt (characters 0–84)",
        ),
        (
            "markdown",
            f"> {PASSAGE}\n\n— port-day-three.txt, /data/news/port-day-three.txt (characters 0–84)",
        ),
        (
            "apa",
            "port-day-three.txt. (n.d.). /data/news/port-day-three.txt\n"
            f"{PASSAGE} (characters 0–84)",
        ),
        (
            "mla",
            f"“port-day-three.txt.” /data/news/port-day-three.txt.\n{PASSAGE} (characters 0–84)",
        ),
        (
            "chicago",
            f"“port-day-three.txt.” /data/news/port-day-three.txt.\n{PASSAGE} (characters 0–84)",
        ),
        (
            "biblatex",
            "@article{port,\n"
            "  entrysubtype = {newspaper},\n"
            "  title = {port-day-three.txt},\n"
            "  addendum = {/data/news/port-day-three.txt},\n"
            f"  note = {{{PASSAGE} (characters 0--84)}},\n"
            "}",
        ),
        (
            "ris",
            "TY  - NEWS\n"
            "TI  - port-day-three.txt\n"
            "L1  - /data/news/port-day-three.txt\n"
            f"N1  - {PASSAGE} (characters 0–84)\n"
            "ER  - ",
        ),
        (
            "csl-json",
            '[{"id": "port", "type": "article-newspaper", "title": "port-day-three.txt", '
            '"source": "/data/news/port-day-three.txt", '
            f'"note": "{PASSAGE} (characters 0–84)"}}]',
        ),
    ],
)
def test_missing_metadata_falls_back_to_the_file(fmt, expected):
    # An event's second citation: its own document, its passage on one line, no speaker.
    cited = EVENT.citations[1]
    assert format_citation(fmt, EVENT, cited, BARE, speaker="ignored") == expected


def test_a_quote_without_a_known_speaker_is_just_its_words():
    plain = format_citation("plain", QUOTE, QUOTED, FULL)
    assert plain.split("\n")[0] == "“not go back until the contract is signed”"


# --- each citation of an event, read back -------------------------------------------------


@pytest.mark.parametrize(
    "citation, document, title, passage",
    [
        (
            EVENT.citations[0],
            FULL,
            "Santos dock workers strike over pay",
            "“Dock workers in Santos walked out on Monday.” (characters 0–44)",
        ),
        (EVENT.citations[1], BARE, "port-day-three.txt", f"{PASSAGE} (characters 0–84)"),
    ],
)
def test_each_citation_of_an_event_cites_its_own_document(citation, document, title, passage):
    ris = dict(read_ris(format_citation("ris", EVENT, citation, document)))
    assert (ris["TI"], ris["N1"]) == (title, passage)
    [csl] = json.loads(format_citation("csl-json", EVENT, citation, document))
    assert (csl["type"], csl["title"], csl["note"]) == ("article-newspaper", title, passage)
    kind, _, fields = read_biblatex(format_citation("biblatex", EVENT, citation, document))
    assert (kind, fields["entrysubtype"], unescape_bib(fields["title"])) == (
        "article",
        "newspaper",
        title,
    )
    assert unescape_bib(fields["note"]).replace("--", "–") == passage


def test_a_dated_csl_entry_has_its_outlet_and_date_parts():
    [csl] = json.loads(format_citation("csl-json", EVENT, EVENT.citations[0], FULL))
    assert (csl["container-title"], csl["issued"], csl["URL"]) == (
        "Folha & Co.",
        {"date-parts": [[2026, 3, 2]]},
        "https://example.org/world/santos-strike",
    )


# --- hostile metadata -----------------------------------------------------------------------

HOSTILE_TEXT = (
    "Intro. [bold red]They said\x1b[2J “100% & {more}”\nER  - \x1b]52;c;aGk=\x07 ok_#1~^\\.\n"
)
HOSTILE = CorpusDocument(
    "h",
    Document(
        "in/{evil}%&.txt",
        HOSTILE_TEXT,
        title="[bold red]Alert\x1b]52;c;aGk=\x07 {50% & $more} ~^\\ #1_\nER  - }",
        publisher="Fox & Friends_{#1}\u202e",
        published=date(2026, 1, 5),
        url="https://ex.com/a b{c}\\d",
    ),
)
HOSTILE_CITATION = _cite(HOSTILE, HOSTILE_TEXT.index("[bold"), HOSTILE_TEXT.index(" ok"))
HOSTILE_QUOTE = CorpusQuote("q", HOSTILE_CITATION.text, citations=(HOSTILE_CITATION,))
CLEAN_TITLE = "[bold red]Alert {50% & $more} ~^\\ #1_ ER - }"
CLEAN_PASSAGE = "{x}: “[bold red]They said “100% & {more}” ER -” (characters 7–65)"
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", list(CITATION_FORMATS))
def test_hostile_metadata_yields_no_control_characters(fmt):
    out = format_citation(fmt, HOSTILE_QUOTE, HOSTILE_CITATION, HOSTILE, speaker="{x}\x1b[0m")
    assert not _CONTROL.search(out) and printable(out) == out
    # Line breaks only where the format has them: no field adds a line.
    lines = {"ris": 8, "biblatex": 8, "csl-json": 1, "markdown": 3}
    assert out.count("\n") + 1 == lines.get(fmt, 2)


def test_hostile_metadata_stays_valid_ris():
    tags = read_ris(format_citation("ris", HOSTILE_QUOTE, HOSTILE_CITATION, HOSTILE, speaker="{x}"))
    assert tags == [
        ("TI", CLEAN_TITLE),
        ("T2", "Fox & Friends_{#1}"),
        ("PY", "2026"),
        ("DA", "2026/01/05/"),
        ("UR", "https://ex.com/a b{c}\\d"),
        ("N1", CLEAN_PASSAGE),
    ]


def test_hostile_metadata_stays_valid_biblatex():
    out = format_citation("biblatex", HOSTILE_QUOTE, HOSTILE_CITATION, HOSTILE, speaker="{x}")
    kind, key, fields = read_biblatex(out)
    assert (kind, key) == ("article", "fox2026bold")
    assert {name: unescape_bib(value) for name, value in fields.items() if name != "url"} == {
        "entrysubtype": "newspaper",
        "title": CLEAN_TITLE,
        "journaltitle": "Fox & Friends_{#1}",
        "date": "2026-01-05",
        "note": CLEAN_PASSAGE.replace("–", "--"),
    }
    assert fields["url"] == "https://ex.com/a%20b%7Bc%7D%5Cd"


def test_hostile_metadata_stays_valid_csl_json():
    out = format_citation("csl-json", HOSTILE_QUOTE, HOSTILE_CITATION, HOSTILE, speaker="{x}")
    [csl] = json.loads(out)
    assert (csl["title"], csl["container-title"], csl["note"]) == (
        CLEAN_TITLE,
        "Fox & Friends_{#1}",
        CLEAN_PASSAGE,
    )


def test_formats_are_listed_in_menu_order_and_unknown_ones_refused():
    assert list(CITATION_FORMATS) == [
        "plain",
        "markdown",
        "apa",
        "mla",
        "chicago",
        "biblatex",
        "ris",
        "csl-json",
    ]
    with pytest.raises(ValueError, match="unknown citation format 'bibtex'"):
        format_citation("bibtex", QUOTE, QUOTED, FULL)
