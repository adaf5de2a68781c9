"""Score chronicle's date recogniser on TimeML gold (TempEval-3 platinum or TimeBank DATEs).

    python bench/dates.py GOLD.json [--pred-out PRED.json] [--errors N] [--repeat 5]
                                    [--scorer PATH/score_dates.py] [--chronicle-conventions]

Runs `find_dates` over each document's text with its DCT as the reference date, writes the
predictions in the format score_dates.py reads, times the recogniser (best of --repeat runs,
seconds per 1000 words), prints the scorer's table, a table of our figures, and as the last
line one JSON object with every figure.

TimeML ignores the `mod` attribute when it gives a value: "early December" is 2012-12 with
mod=START, "late 2025" is 2025 with mod=END. chronicle's SCHEMA narrows those to days 1-10 of
December and Sep-Dec 2025. So that the scorer compares like with like, predictions are
widened back to TimeML's convention (a part of a month -> the month, a third of a year ->
the year) unless --chronicle-conventions is given. Likewise TimeML annotates only the X of
"since X" (its value is X) and each end of "from X to Y" / "between X and Y" separately,
where chronicle returns one interval; so the words since / from / between are blanked
(same length, offsets unchanged) before the scored run. The timed run and the
`value_f1_chronicle` figure use the text as it is and chronicle's own intervals.
"""

from __future__ import annotations

import argparse
import calendar
import importlib.util
import io
import json
import re
import sys
import time
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.dates import find_dates
from extract.model import DateMention, Precision

# Words whose phrase TimeML splits: "since X" is X, "from X to Y" is X and Y.
CONNECTIVES = re.compile(r"\b(?:[Ss]ince|[Ff]rom|[Bb]etween)\b")
DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "bench" / "score_dates.py"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_dates", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timeml_interval(mention: DateMention) -> tuple[date, date]:
    """The interval TimeML would give: parts of months and of years, and the days before or
    after the reference in "earlier/later this month", widened to the whole."""
    iv = mention.interval
    first, last = iv.first, iv.last
    if iv.precision is Precision.PART_OF_MONTH:
        return first.replace(day=1), last.replace(day=calendar.monthrange(last.year, last.month)[1])
    words = mention.text.lower().split()
    if words[0] in ("earlier", "later") and words[-1] in ("month", "year"):  # "earlier this month"
        if words[-1] == "month":
            end = calendar.monthrange(first.year, first.month)[1]
            return first.replace(day=1), first.replace(day=end)
        return date(first.year, 1, 1), date(first.year, 12, 31)
    thirds = {(1, 4), (5, 8), (9, 12)}
    if (
        iv.precision is Precision.RANGE
        and first.year == last.year
        and first.day == 1
        and (first.month, last.month) in thirds
        and last.day == calendar.monthrange(last.year, last.month)[1]
    ):
        return date(first.year, 1, 1), date(first.year, 12, 31)
    return first, last


def timeml_text(text: str) -> str:
    """The text with "since", "from" and "between" blanked, so each end is its own mention."""
    return CONNECTIVES.sub(lambda m: " " * len(m.group()), text)


def predict(docs: list[dict], *, timeml: bool) -> dict[str, list[dict]]:
    preds: dict[str, list[dict]] = {}
    for doc in docs:
        rows = []
        text = timeml_text(doc["text"]) if timeml else doc["text"]
        for m in find_dates(text, reference=date.fromisoformat(doc["dct"])):
            first, last = timeml_interval(m) if timeml else (m.interval.first, m.interval.last)
            rows.append(
                {
                    "start": m.span.start,
                    "end": m.span.end,
                    "text": doc["text"][m.span.start : m.span.end],
                    "start_date": first.isoformat(),
                    "end_date": last.isoformat(),
                }
            )
        preds[doc["file"]] = rows
    return preds


def time_recogniser(docs: list[dict], repeat: int) -> float:
    """Best wall time of `repeat` passes of find_dates over every document."""
    inputs = [(doc["text"], date.fromisoformat(doc["dct"])) for doc in docs]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text, ref in inputs:
            find_dates(text, reference=ref)
        best = min(best, time.perf_counter() - t0)
    return best


def scorer_table(scorer: ModuleType, gold: str, pred: str, errors: int) -> str:
    """The scorer's own printed table (its main() on our prediction file)."""
    argv = [scorer.__file__, gold, pred, "--name", "chronicle", "--errors", str(errors)]
    saved, sys.argv = sys.argv, argv
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            scorer.main()
    finally:
        sys.argv = saved
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred-out", type=Path, default=None, help="where to write predictions")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list N scorer errors")
    ap.add_argument("--repeat", type=int, default=5, help="timing repetitions (best is kept)")
    ap.add_argument(
        "--chronicle-conventions",
        action="store_true",
        help="score chronicle's own spans and intervals (no TimeML adaptation)",
    )
    args = ap.parse_args()

    scorer = load_scorer(args.scorer)
    docs = json.loads(args.gold.read_text(encoding="utf-8"))
    words = sum(len(doc["text"].split()) for doc in docs)
    preds = predict(docs, timeml=not args.chronicle_conventions)
    pred_out = args.pred_out or Path(f"/tmp/chronicle_dates_{args.gold.stem}.json")
    pred_out.write_text(json.dumps(preds, indent=1), encoding="utf-8")
    seconds = time_recogniser(docs, args.repeat)

    print(scorer_table(scorer, str(args.gold), str(pred_out), args.errors), end="")
    res = scorer.score(json.loads(args.gold.read_text(encoding="utf-8")), preds)
    raw = scorer.score(
        json.loads(args.gold.read_text(encoding="utf-8")), predict(docs, timeml=False)
    )
    figures = {
        "set": args.gold.stem,
        "docs": len(docs),
        "words": words,
        "predictions": res["counts"]["pred"],
        "strict_f1": round(res["strict_F1"], 4),
        "relaxed_f1": round(res["relaxed_F1"], 4),
        "value_acc": round(res["value_acc"], 4),
        "value_f1": round(res["value_F1"], 4),
        "value_f1_chronicle": round(raw["value_F1"], 4),
        "s_per_1000_words": round(seconds / words * 1000, 5),
    }
    print()
    print(f"{'figure':<28} value")
    print("-" * 40)
    for key, value in figures.items():
        print(f"{key:<28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
