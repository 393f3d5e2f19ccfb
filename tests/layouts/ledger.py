"""The Harbour Ledger: a synthetic news site whose layout is unlike Al Mayadeen's, and its dumps.

Byline, source, date and reading time are plain lines ("By Jane Doe and John Roe", "July 21, 2021
2:49 PM EDT"), images are "[Image: alt]" lines with their caption under them, a "Read more: ..." line
and an "Advertisement" line sit inside the body, tags are one "Tags: a, b" line, and the site is told
by its footer. `write_dumps` writes N dumps, deterministically from a seed, and returns what a reader
should find in each; the profile written by hand for it is `ledger.yaml` beside this file.

    python -m tests.layouts.ledger OUT_DIR --count 40 [--seed 5] [--truth truth.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

PUBLISHER = "The Harbour Ledger"
PROFILE = Path(__file__).with_name("ledger.yaml")
FOOTER = [
    "About us | Contact | Privacy | Terms",
    f"{PUBLISHER} · Independent news from the coast since 1998",
]
HEADER = [
    PUBLISHER,
    "Home  World  Business  Science  Sport  Opinion",
    "Search  Subscribe | Sign in",
    "",
    "We use cookies to improve your experience. Accept all | Settings",
    "",
]
SECTIONS = ["World › Europe", "Business › Markets", "Science", "Sport › Sailing", "Local › Harbour"]
FIRST = ["Jane", "John", "Ana", "Tomas", "Mei", "Ruth", "Omar", "Lena", "Pavel", "Grace", "Kofi", "Ines"]
LAST = ["Doe", "Roe", "Lima", "Berg", "Chen", "Okafor", "Haddad", "Novak", "Price", "Silva", "Moreau", "Quinn"]
AGENCIES = ["Reuters", "AP", "AFP", "Harbour Ledger wires"]
TAGS = ["Weather", "Floods", "Europe", "Markets", "Shipping", "Energy", "Fisheries", "Climate", "Ports", "Elections"]
SUBJECTS = [
    "The harbour master",
    "Local fishermen",
    "The city council",
    "A spokesperson for the port",
    "Residents",
    "Shipping companies",
    "The regional government",
    "Marine biologists",
    "Emergency crews",
    "Union leaders",
    "The ferry operator",
    "Economists",
    "Several shop owners",
    "The coast guard",
    "Teachers at the old school",
]
VERBS = [
    "warned about",
    "welcomed",
    "questioned",
    "described",
    "raised concerns about",
    "called for a review of",
    "praised",
    "announced plans for",
    "pointed to",
    "criticised",
    "signed an agreement on",
    "reported on",
]
OBJECTS = [
    "the new breakwater",
    "rising water levels",
    "the cost of fuel",
    "the winter storms",
    "the autumn catch",
    "the delayed repairs",
    "the budget for next year",
    "the closure of the northern pier",
    "higher insurance bills",
    "a shortage of skilled workers",
    "the plan to dredge the channel",
    "falling visitor numbers",
]
ADVERBIALS = [
    "on Tuesday",
    "after a long meeting",
    "in a written statement",
    "despite the weather",
    "for the third time",
    "earlier this month",
    "at a crowded public hearing",
    "during a visit to the docks",
    "without giving details",
    "in an interview with the Ledger",
    "as the tide turned",
    "before the vote",
]
HEADLINES = [
    "Ferry timetable changes for the winter season",
    "Council approves new lighthouse lighting",
    "Fish market reopens after repairs",
    "Storm warning issued for the northern coast",
    "Sailing club celebrates its centenary",
    "Harbour fees to rise in spring",
]


@dataclass
class Article:
    """What a reader should find in one dump: the schema's fields, the date as the site's wall clock."""

    source_file: str
    title: str
    authors: list[str]
    source: str | None
    published_at_local: str  # ISO 8601, naive: the site's time zone applies
    reading_time_minutes: int | None
    summary: str
    images: list[dict[str, str | None]] = field(default_factory=list)
    body: str = ""
    tags: list[str] = field(default_factory=list)
    publisher: str = PUBLISHER
    language: str = "en"


def _sentence(rng: random.Random) -> str:
    words = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADVERBIALS)}"
    return words + rng.choice([".", ".", ".", ", according to people familiar with the matter."])


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _names(rng: random.Random) -> list[str]:
    count = rng.choice([1, 1, 2, 2, 3])
    return rng.sample([f"{first} {last}" for first in FIRST for last in LAST], count)


def _byline(names: list[str]) -> str:
    return "By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def _printed(moment: datetime) -> str:
    """As the site prints a date: "July 21, 2021 2:49 PM" (no leading zero on the day or the hour)."""
    return f"{moment:%B} {moment.day}, {moment.year} {int(moment.strftime('%I'))}:{moment:%M %p}"


def _moment(rng: random.Random) -> datetime:
    """A wall-clock time between 07:00 and 22:59, so none falls in a summer-time gap."""
    day = datetime(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    return day.replace(hour=rng.randrange(7, 23), minute=rng.randrange(60))


def article_text(rng: random.Random, name: str) -> tuple[str, Article]:
    """One dump and what it holds."""
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (No. {rng.randrange(1000, 9999)})"
    names, moment = _names(rng), _moment(rng)
    source = rng.choice([None, None, *AGENCIES])
    minutes = rng.choice([None, 2, 3, 4, 6])
    article = Article(name, title, names, source, moment.isoformat(), minutes, _paragraph(rng, 2))
    meta = [_byline(names)]
    if source:
        meta.append(f"Source: {source}")
    zone = " EDT" if 4 <= moment.month <= 10 else " EST"
    meta.append(_printed(moment) + (zone if rng.random() < 0.5 else ""))
    if rng.random() < 0.3:
        meta.append("Updated " + _printed(moment + timedelta(hours=rng.randrange(1, 30))))
    if minutes:
        meta.append(f"{minutes} min read")
    lines = [*HEADER, rng.choice(SECTIONS), "", title, "", *meta, "", article.summary, ""]
    body: list[str] = []
    paragraphs = rng.randrange(4, 9)
    image_at = {rng.randrange(paragraphs) for _ in range(rng.choice([0, 1, 1, 2]))}
    for n in range(paragraphs):
        if n in image_at:
            alt = f"{rng.choice(SUBJECTS)} near {rng.choice(OBJECTS)}"
            caption = None if rng.random() < 0.25 else f"{_sentence(rng)} (Photo: {rng.choice(AGENCIES)})"
            article.images.append({"alt": alt, "caption": caption})
            lines += [f"[Image: {alt}]", *([caption] if caption else []), ""]
        if n == 2:
            lines += [f"Read more: {rng.choice(HEADLINES)}", ""]
        if n == 3 and rng.random() < 0.5:
            lines += ["Advertisement", ""]
        body.append(_paragraph(rng, rng.randrange(2, 5)))
        lines += [body[-1], ""]
    article.body = "\n\n".join(body)
    if rng.random() < 0.8:
        article.tags = rng.sample(TAGS, rng.randrange(1, 4))
        lines += ["Tags: " + ", ".join(article.tags), ""]
    lines += ["Share this article", "Facebook  X  Email", "", f"More from {PUBLISHER}"]
    lines += [*rng.sample(HEADLINES, 3), "", "Newsletter: the morning briefing, every weekday", ""]
    lines += [*FOOTER, ""]
    return "\n".join(lines), article


def write_dumps(folder: Path, count: int, seed: int = 5) -> list[Article]:
    """`count` dumps in `folder` (ledger_000.txt, ...), the same bytes for the same seed."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        name = f"ledger_{i:03d}.txt"
        text, article = article_text(rng, name)
        (folder / name).write_text(text, encoding="utf-8")
        articles.append(article)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--truth", type=Path, help="write what each dump holds here, one JSON object a line")
    args = parser.parse_args()
    articles = write_dumps(args.out, args.count, args.seed)
    if args.truth:
        args.truth.write_text("".join(json.dumps(asdict(a), ensure_ascii=False) + "\n" for a in articles))


if __name__ == "__main__":
    main()
