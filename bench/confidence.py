"""Does chronicle's confidence mean something? The share of right answers by confidence, on gold.

    python bench/confidence.py [--shared DIR] [--polnear DIR]

For each corpus with gold it can find, the extractor runs over the corpus's files as
`chronicle extract --format json` does (extract, merge), its items are paired with the gold ones
by the scorer's own matching (SHARED/eval/score.py), and the answers are counted by confidence:

- speakers: a matched quote whose speaker is right by the scorer's rule (gold quotes whose
  speaker the annotation leaves unresolved are left out): seeds, our own articles, PolNeAR;
- event dates: a matched event whose first and last days are the gold ones: seeds, our own;
- actor merges: a predicted actor that matches gold actors is right when it matches one (two is
  a conflation, names of two people merged); persons and non-persons as the scorer pairs them:
  seeds, our own, gum_news;
- date readings: each date expression on TimeML news (TempEval-3 platinum, TimeBank) that overlaps a
  gold DATE with a calendar value is right when it gives the gold days (TimeML's conventions,
  as bench/dates.py): how sure the reading of an expression is, before its article's date.

Corpora: the seeds (SHARED/eval/seeds/gold.json over the bundled seeds/), our own articles
(tests/extract/articles, bench/own and bench/own_b, invented and hand-annotated),
SHARED/eval/gum_news, PolNeAR train converted by SHARED/bench/polnear/convert.py into --polnear
(skipped when absent), SHARED/bench/timeml/platinum.json and timebank.json. SHARED defaults to
../shared beside the project.

Prints one table per kind of answer: per band of confidence (>= 0.8, 0.5-0.8, < 0.5) the right
answers, the answers, the share right and (in brackets) the mean confidence the extractor gave
them, which a calibrated extractor makes close to the share; then one JSON object of every
figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.dates import find_dates  # noqa: E402
from extract.pipeline import extract_document, merge  # noqa: E402
from extract.serialize import corpus_to_dict  # noqa: E402

# The bands a reader sees: sure enough to trust, worth a look, to review first.
BANDS = ((0.8, 1.0), (0.5, 0.8), (0.0, 0.5))


def load_module(name: str, path: Path) -> ModuleType:
    if not path.is_file():
        raise SystemExit(
            f"bench/confidence.py: no {path} (give the evaluation folder: --shared DIR)"
        )
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Tally:
    """(confidence, right) answers of one kind on one corpus."""

    answers: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, confidence: float, right: bool) -> None:
        self.answers.append((confidence, right))

    def band(self, low: float, high: float) -> tuple[int, int, float | None]:
        """How many answers in [low, high) (1.0 included in the top band), how many right, and
        their mean confidence."""
        inside = [(c, right) for c, right in self.answers if low <= c < high or c == high == 1.0]
        mean = sum(c for c, _ in inside) / len(inside) if inside else None
        return len(inside), sum(right for _, right in inside), mean

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for low, high in BANDS:
            n, right, mean = self.band(low, high)
            out[_band_key(low, high)] = {
                "n": n,
                "right": right,
                "share": round(right / n, 3) if n else None,
                "mean_confidence": round(mean, 3) if mean is not None else None,
            }
        return out


@dataclass(frozen=True)
class Corpus:
    name: str
    gold: Path
    docs: Path
    # Whether its gold actors are people and organisations, one each (PolNeAR's are the
    # speakers' names as written, "Trump" and "Donald Trump" apart: no gold for merges).
    actor_identities: bool = True


def predict(corpus: Corpus, files: list[str]) -> dict[str, Any]:
    """What `chronicle extract --format json` prints for the corpus's files."""
    paths = [corpus.docs / f for f in files]
    return corpus_to_dict(merge([extract_document(str(p), p.read_bytes()) for p in paths]))


def score_corpus(score: ModuleType, corpus: Corpus, tallies: dict[str, dict[str, Tally]]) -> None:
    gold = json.loads(corpus.gold.read_text(encoding="utf-8"))
    files = score.gold_files(gold)
    texts = score.load_docs(str(corpus.docs), files)
    pred = score.Prediction(predict(corpus, files), texts, lambda _: None)
    if gold.get("quotes"):
        speakers(score, gold, texts, pred, tallies["speakers"].setdefault(corpus.name, Tally()))
    if gold.get("events"):
        event_dates(
            score, gold, texts, pred, tallies["event dates"].setdefault(corpus.name, Tally())
        )
    if gold.get("actors") and corpus.actor_identities:
        merges(score, gold, pred, tallies["actor merges"].setdefault(corpus.name, Tally()))


def speakers(score: ModuleType, gold: dict, texts: dict, pred: Any, tally: Tally) -> None:
    quotes = gold["quotes"]
    spans = score.locate(quotes, "text", texts, lambda _: None)
    mentions = pred.mentions("quotes")
    matches = score.match_mentions(
        [(q["file"], s) for q, s in zip(quotes, spans, strict=True)],
        [(f, s) for _, f, s in mentions],
        score.quote_spans_match,
    )
    actors = {a["name"]: a for a in gold.get("actors", [])}
    for i, j in matches:
        name = quotes[i].get("speaker")
        if name == score.UNRESOLVED:
            continue
        item = mentions[j][0]
        expected = None if name is None else actors.get(name, {"name": name})
        said = None if item["speaker"] is None else pred.actors.get(item["speaker"], {"name": ""})
        tally.add(item["confidence"], score.speaker_correct(said, expected))


def event_dates(score: ModuleType, gold: dict, texts: dict, pred: Any, tally: Tally) -> None:
    events = gold["events"]
    spans = score.locate(events, "evidence", texts, lambda _: None)
    mentions = pred.mentions("events")

    def same_date(i: int, j: int) -> bool:
        given = mentions[j][0]["date"]
        return (given["start"], given["end"]) == (events[i].get("start"), events[i].get("end"))

    matches = score.match_mentions(
        [(e["file"], s) for e, s in zip(events, spans, strict=True)],
        [(f, s) for _, f, s in mentions],
        score.event_spans_match,
        same_date,
    )
    for i, j in matches:
        tally.add(mentions[j][0]["confidence"], same_date(i, j))


def merges(score: ModuleType, gold: dict, pred: Any, tally: Tally) -> None:
    """Each predicted actor paired with gold actors as the scorer pairs them (same side, shared
    name forms or, for persons, a unique surname): right when paired with exactly one."""
    involved = {q.get("speaker") for q in pred.raw["quotes"]}
    involved |= {a for e in pred.raw["events"] for a in e["actors"]}
    gold_involved = {q.get("speaker") for q in gold.get("quotes", [])}
    gold_involved |= {a for e in gold.get("events", []) for a in e.get("actors", [])}
    for is_person in (True, False):
        golds = [a for a in gold["actors"] if (a.get("kind") == "person") == is_person]
        preds = [a for a in pred.raw["actors"] if (a["kind"] == "person") == is_person]
        if not is_person:
            golds = [a for a in golds if a.get("name") in gold_involved]
            preds = [a for a in preds if a["id"] in involved]
        gold_forms = [score.name_forms(a) for a in golds]
        lasts = [score.last_token(score.norm_name(a.get("name"))) for a in golds]
        unique = {last for last in lasts if lasts.count(last) == 1}
        for actor in preds:
            forms = score.name_forms(actor)
            paired = sum(
                bool(g_forms & forms)
                or (
                    is_person and last in unique and any(score.last_token(f) == last for f in forms)
                )
                for g_forms, last in zip(gold_forms, lasts, strict=True)
            )
            if paired:
                tally.add(actor["confidence"], paired == 1)


def date_readings(timeml: Path, scorer: ModuleType, dates: ModuleType, tally: Tally) -> None:
    for doc in json.loads(timeml.read_text(encoding="utf-8")):
        gold = [
            (t, iv)
            for t in doc["timexes"]
            if t["type"] == "DATE"
            and not t.get("dct")
            and (iv := scorer.value_to_interval(t["value"])) is not None
        ]
        text = dates.timeml_text(doc["text"])
        for mention in find_dates(text, reference=date.fromisoformat(doc["dct"])):
            span = mention.span

            def overlap(t: dict) -> int:
                return max(0, min(span.end, t["end"]) - max(span.start, t["start"]))  # noqa: B023

            best = max(gold, key=lambda g: overlap(g[0]), default=None)
            if best is None or overlap(best[0]) == 0:
                continue
            tally.add(mention.confidence, tuple(dates.timeml_interval(mention)) == best[1])


def render(title: str, per_corpus: dict[str, Tally]) -> Iterable[str]:
    yield ""
    yield title
    header = f"  {'corpus':<14}" + "".join(f"{_band_name(low, high):>26}" for low, high in BANDS)
    yield header
    for name, tally in per_corpus.items():
        cells = []
        for low, high in BANDS:
            n, right, mean = tally.band(low, high)
            share = f"{right / n:.3f} ({mean:.2f})" if n and mean is not None else "-"
            cells.append(f"{f'{right}/{n} = {share}':>26}")
        yield f"  {name:<14}" + "".join(cells)


def _band_key(low: float, high: float) -> str:
    return f">={low}" if high == 1.0 else f"{low}-{high}" if low else f"<{high}"


def _band_name(low: float, high: float) -> str:
    return f">= {low}" if high == 1.0 else f"{low} to < {high}" if low else f"< {high}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--polnear", type=Path, default=Path("/tmp/polnear_train"))
    args = parser.parse_args()
    shared: Path = args.shared
    score = load_module("score", shared / "eval" / "score.py")
    corpora = [
        Corpus("seeds", shared / "eval" / "seeds" / "gold.json", ROOT / "seeds"),
        Corpus(
            "own (tests)",
            ROOT / "tests/extract/articles/gold.json",
            ROOT / "tests/extract/articles",
        ),
        Corpus("own (bench)", ROOT / "bench/own/gold.json", ROOT / "bench/own"),
        Corpus("own (bench b)", ROOT / "bench/own_b/gold.json", ROOT / "bench/own_b"),
        Corpus("gum_news", shared / "eval/gum_news/gold.json", shared / "eval/gum_news/docs"),
        Corpus("polnear train", args.polnear / "gold.json", args.polnear / "docs", False),
    ]
    tallies: dict[str, dict[str, Tally]] = {"speakers": {}, "event dates": {}, "actor merges": {}}
    for corpus in corpora:
        if corpus.gold.exists():
            score_corpus(score, corpus, tallies)
        else:
            print(f"(skipped {corpus.name}: no {corpus.gold})")
    scorer = load_module("score_dates", shared / "bench" / "score_dates.py")
    dates = load_module("bench_dates", ROOT / "bench" / "dates.py")
    readings = tallies.setdefault("date readings", {})
    for name in ("platinum", "timebank"):
        timeml = shared / "bench" / "timeml" / f"{name}.json"
        date_readings(timeml, scorer, dates, readings.setdefault(f"timeml {name}", Tally()))
    for kind, per_corpus in tallies.items():
        for line in render(f"{kind}: right / answers = share right, by confidence", per_corpus):
            print(line)
    figures = {
        kind: {name: tally.figures() for name, tally in per_corpus.items()}
        for kind, per_corpus in tallies.items()
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
