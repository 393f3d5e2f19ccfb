"""How the generic reader's evaluation compares each field of a prediction with a development set's truth:
body F1 (score_body.py's definition, passed in), passages typed out by hand, title, authors, date, language and
no_article; the shares that `bench/generic_eval.py` prints. Dates are compared in eval_dates.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from eval_dates import near_date, truth_date

TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+|\s+_")
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\n|\b(?:and|und|et|y)\b|&|;)\s*")  # names joined in one label
QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "–": "-",
        "—": "-",
        "\u00ad": None,
    }
)
Prediction = dict[str, Any]  # body, title, authors, date (aware datetime or None), language, no_article


def _norm_title(text: str | None) -> str:
    """Case (folded: "GROSSE" is "große"), whitespace (also before a colon), quotes and dashes normalised; soft
    hyphens, which no reader sees, dropped."""
    return " ".join((text or "").translate(QUOTES).casefold().replace(" :", ":").split())


def title_match(truth: str | None, predicted: str | None) -> bool:
    """Exact after normalising; a truth with a site suffix also matches on its part before the separator."""
    want, got = _norm_title(truth), _norm_title(predicted)
    if not got:
        return False
    if want == got:
        return True
    return any(_norm_title((truth or "")[: m.start()]) == got for m in TITLE_SEPARATORS.finditer(truth or ""))


def _norm_names(names: Iterable[str]) -> set[str]:
    """Lower-cased names, their dots taken for spaces ("David J. Phillips" is "David J Phillips", "J.R. Stone" is
    "J R Stone"); silver bylines keep only their first line, before any digit ("By X\\n March 25")."""
    found: set[str] = set()
    for entry in names:
        entry = re.sub(r"^\s*by\s+|\(.*?\)", "", entry, flags=re.IGNORECASE)
        entry = re.split(r"\d", entry.strip().split("\n")[0])[0]
        for part in AUTHOR_SPLIT.split(entry):
            part = re.sub(r"^(?:by|von|par|por)\s+", "", part.strip(), flags=re.I)
            if part:
                found.add(" ".join(part.lower().replace(".", " ").split()))
    return found


# Languages some pages declare by their English name instead of a code ("english" in a few pages of sets 7, 8).
_LANGUAGE_NAMES = {"english": "en", "german": "de", "french": "fr", "spanish": "es", "japanese": "ja"}


def _language(truth: str | None) -> str | None:
    """The primary subtag: "de" of "de-DE", and of "de_DE" as some pages write it; "en" of "english"."""
    if not truth:
        return None
    primary = re.split(r"[-_]", truth)[0].lower()
    return _LANGUAGE_NAMES.get(primary, primary)


def _ratio(hits: int, total: int) -> str:
    return f"{hits / total:6.1%} ({hits}/{total})" if total else "     - (0/0)"


def _spaced(text: str) -> str:
    """The text's words one space apart, without soft hyphens: a passage typed from the page's source holds them
    ("Werk\xadzeug"), and a text browser prints none."""
    return " ".join(text.replace("\xad", "").split())


def passage_counts(record: dict[str, Any], body: str) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, true negatives): the "with" passages the body holds,
    the "without" passages it holds, the "with" passages it lacks, the "without" passages it lacks."""
    text = _spaced(body)
    found = sum(_spaced(passage) in text for passage in record["with"])
    leaked = sum(_spaced(passage) in text for passage in record["without"])
    return found, leaked, len(record["with"]) - found, len(record["without"]) - leaked


def _passage_scores(counts: list[tuple[int, int, int, int]]) -> str:
    tp, fp, fn, _ = (sum(column) for column in zip(*counts, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return _prf(precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def _prf(precision: float, recall: float, f1: float) -> str:
    return f"{precision:.3f} / {recall:.3f} / {f1:.3f}"


def field_scores(names: list[str], truth: dict[str, Any], pred: dict[str, Prediction], scorer: Any) -> dict[str, str]:
    pred = {n: pred.get(n, {}) for n in names}  # a page with no row nor no_article reject predicts nothing
    rows = [scorer.page_counts(truth[n]["body"], pred[n].get("body") or "") for n in names]
    p, r, f1 = scorer.aggregate(rows)
    scores = {"body P/R/F1": _prf(p, r, f1)}
    with_passages = [n for n in names if truth[n].get("with") is not None]
    if with_passages:
        counts = [passage_counts(truth[n], pred[n].get("body") or "") for n in with_passages]
        scores["passages P/R/F1"] = _passage_scores(counts)
    if not any("title" in pred[n] for n in names):
        return scores
    titled = [n for n in names if truth[n]["title"]]
    scores["title exact"] = _ratio(
        sum(title_match(truth[n]["title"], pred[n].get("title")) for n in titled), len(titled)
    )
    printed = [n for n in titled if truth[n]["title_printed"]]
    scores["title (printed)"] = _ratio(
        sum(title_match(truth[n]["title"], pred[n].get("title")) for n in printed), len(printed)
    )
    authored = [n for n in names if truth[n]["authors"]]
    same = sum(_norm_names(truth[n]["authors"]) == _norm_names(pred[n].get("authors") or []) for n in authored)
    scores["authors set"] = _ratio(same, len(authored))
    # Pages whose truth names no one, read as articles: the share left with no author (a false name shows here)
    unauthored = [
        n for n in names if not truth[n]["authors"] and truth[n].get("readerable", True) and pred[n].get("body")
    ]
    scores["authors none"] = _ratio(sum(not pred[n].get("authors") for n in unauthored), len(unauthored))
    dated = [n for n in names if truth_date(truth[n]["published"])]
    near = sum(near_date(truth[n], pred[n]) for n in dated)
    scores["date ±24h"] = _ratio(near, len(dated))
    printed_dates = [n for n in dated if truth[n]["date_printed"]]
    scores["date (printed)"] = _ratio(sum(near_date(truth[n], pred[n]) for n in printed_dates), len(printed_dates))
    spoken = [n for n in names if truth[n]["language"]]
    same_language = sum(_language(truth[n]["language"]) == pred[n].get("language") for n in spoken)
    scores["language"] = _ratio(same_language, len(spoken))
    flagged = [n for n in names if pred[n].get("no_article")]
    not_articles = [n for n in names if not truth[n]["readerable"]]
    right = sum(not truth[n]["readerable"] for n in flagged)
    scores["no_article P"] = _ratio(right, len(flagged))
    scores["no_article R"] = _ratio(right, len(not_articles))
    return scores
