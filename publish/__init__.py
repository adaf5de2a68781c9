"""chronicle's output formats: what the CLI prints and writes and what the browser copies.

Data flows files -> extract -> store -> publish -> (cli, tui): publish reads a `CorpusIndex`
and records, and never imports the browser or the commands.

Entry points:

- `export(index, fmt, where=None) -> str`: the items `index` holds that match the `Filter`
  `where`, as the text of a file in format `fmt`, a key of `EXPORT_FORMATS` (json, csv,
  markdown, timelinejs, ics), whose values give each format's `label` (for a menu), file
  `suffix` and whether it holds `events_only`. `render(index, fmt, events, quotes)` does the
  same for items already selected (the browser selects on its event loop, renders in a thread).
- `to_markdown(index, events, quotes) -> str`: the cited timeline as Markdown for items already
  selected (what `export(index, "markdown", where)` writes for the items `where` selects);
  `to_json`, `to_csv`, `to_timelinejs`, `to_ics` likewise, and `subset` (the documents and
  actors the items need).
- `format_citation(fmt, item, citation, document, *, speaker=None) -> str`: one citation of an
  event or quote, `fmt` a key of `CITATION_FORMATS` (plain, markdown, apa, mla, chicago,
  biblatex, ris, csl-json), whose values are the labels.
- `publish.escape`: one escaper per target syntax (Markdown, CSV, JSON, HTML, iCalendar,
  BibTeX, RIS); `csv_text` and `json_text` write every CSV and JSON chronicle writes.
"""

from publish.citations import CITATION_FORMATS, format_citation
from publish.escape import csv_text, json_text
from publish.exports import (
    CSV_COLUMNS,
    EXPORT_FORMATS,
    ExportFormat,
    export,
    render,
    subset,
    to_csv,
    to_ics,
    to_json,
    to_markdown,
    to_timelinejs,
)

__all__ = [
    "CITATION_FORMATS",
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "ExportFormat",
    "csv_text",
    "export",
    "format_citation",
    "json_text",
    "render",
    "subset",
    "to_csv",
    "to_ics",
    "to_json",
    "to_markdown",
    "to_timelinejs",
]
