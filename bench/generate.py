"""Synthetic Al Mayadeen English page dumps for benchmarks, deterministic for a seed.

File i depends only on (seed, i): its kind (article, duplicate, bad input) is the first draw of its own
random generator, so duplicates can re-create any earlier article and chunks can be written in parallel.

    .venv/bin/python bench/generate.py 20000 bench/out/dumps-20000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from words import SECTIONS, SOURCES, TOPICS, Pools

GENERATOR_VERSION = 1
FILES_PER_FOLDER = 1000
# Kinds by probability (the rest are plain articles): ~1.5 % duplicates, ~3 % bad inputs.
KINDS: tuple[tuple[str, float], ...] = (
    ("dup_exact", 0.005),
    ("dup_recrawl", 0.005),
    ("dup_edit", 0.005),
    ("empty", 0.005),
    ("binary", 0.005),
    ("truncated", 0.005),
    ("future_date", 0.005),
    ("spanish", 0.005),
    ("home_page", 0.005),
)
B = "  •"
NAV = "\n".join(
    [
        "Al Mayadeen English",
        "",
        f"{B} Ar",
        f"{B} Es",
        f"{B} x",
        "Al Mayadeen English",
        "",
        "Slogan",
        "",
        f"{B} News",
        *(f"  {B} {s}" for s in SECTIONS),
        f"{B} Articles",
        *(f"  {B} {s}" for s in ("Opinion", "Analysis", "Blog", "Features")),
        f"{B} Videos",
        *(f"  {B} {s}" for s in ("NewsFeed", "Video Features", "Explainers", "TV", "Digital Series")),
        f"{B} Infographs",
        f"{B} In Pictures",
        f"{B} • LIVE",
        "News",
        *(f"{B} {s}" for s in SECTIONS),
        "Articles",
        *(f"{B} {s}" for s in ("Opinion", "Analysis", "Blog", "Features")),
        "Videos",
        *(f"{B} {s}" for s in ("NewsFeed", "Video Features", "Explainers", "TV", "Digital Series")),
        "Infographs",
        "In Pictures",
        *(f"{B} {s}" for s in ("Africa", "Asia", "Asia-Pacific", "Europe", "Latin America", "MENA", "Palestine")),
        f"{B} US & Canada",
    ]
)
FOOTER = "\n".join(
    [
        "Al Mayadeen English",
        "",
        "Al Mayadeen is an Arab Independent Media Satellite Channel.",
        "",
        "All Rights Reserved",
        "",
        *(f"{B} {s}" for s in ("x", "Privacy Policy", "About Us", "Contact Us", "Authors")),
        "Android",
        "iOS",
    ]
)
EPOCH = datetime(2013, 1, 1)
SPAN_MINUTES = int((datetime(2026, 1, 1) - EPOCH).total_seconds() // 60)
_pools: Pools | None = None  # per process, built from the seed before workers fork


@dataclass(frozen=True)
class Article:
    title: str
    authors: tuple[str, ...]
    source: str | None
    published: datetime
    reading: bool
    summary: str | None
    image: tuple[str, str | None] | None
    image_first: bool
    paragraphs: tuple[str, ...]
    related_at: int | None
    related: tuple[str, str]
    tags: tuple[str, ...]


def pools(seed: int) -> Pools:
    global _pools
    if _pools is None or _pools.seed != seed:
        _pools = Pools(seed)
    return _pools


def rng_for(seed: int, i: int) -> random.Random:
    return random.Random(seed * 1_000_003 + i)


def kind_of(u: float) -> str:
    for kind, share in KINDS:
        if u < share:
            return kind
        u -= share
    return "article"


def make_article(rng: random.Random, p: Pools, spanish: bool = False) -> Article:
    sentences, counts = (p.es_sentences, None) if spanish else (p.sentences, p.sentence_words)
    target = int(150 * 10 ** rng.random())  # log-uniform 150..1500 words
    paragraphs: list[str] = []
    words = 0
    while words < target:
        picked = rng.choices(range(len(sentences)), k=rng.randint(1, 4))
        paragraphs.append(" ".join(sentences[j] for j in picked))
        words += sum(counts[j] for j in picked) if counts else sum(sentences[j].count(" ") + 1 for j in picked)
    nauthors = rng.choices((0, 1, 2), (0.35, 0.5, 0.15))[0]
    authors = tuple(rng.sample(p.people, nauthors))
    published = EPOCH + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    alt = rng.choice(p.headlines)
    return Article(
        title=rng.choice(p.es_headlines if spanish else p.headlines),
        authors=authors,
        source=rng.choice(SOURCES) if rng.random() < 0.8 else None,
        published=published,
        reading=rng.random() < 0.9,
        summary=rng.choice(sentences) if rng.random() < 0.9 else None,
        image=(alt, alt if rng.random() < 0.7 else None) if rng.random() < 0.6 else None,
        image_first=rng.random() < 0.8,
        paragraphs=tuple(paragraphs),
        related_at=rng.randrange(1, len(paragraphs)) if len(paragraphs) > 2 and rng.random() < 0.5 else None,
        related=(rng.choice(p.headlines), rng.choice(p.headlines)),
        tags=tuple(rng.sample(TOPICS, rng.randint(1, 6))) if rng.random() < 0.85 else (),
    )


def fmt_date(moment: datetime, with_time: bool = True) -> str:
    text = f"{moment.day} {moment:%b %Y}"
    return f"{text} {moment:%H:%M}" if with_time else text


def random_day(rng: random.Random) -> datetime:
    return EPOCH + timedelta(days=rng.randrange(4700))


def byline(authors: tuple[str, ...], rng: random.Random) -> str:
    if len(authors) < 2:
        return authors[0]
    return rng.choice((", ", " and ", " & ")).join(authors)


def chrome(rng: random.Random, p: Pools) -> tuple[str, str]:
    """The page's varying chrome: the BREAKING ticker and the sidebars after the article."""
    ticker = "\n".join(["BREAKING", *rng.sample(p.sentences, rng.randint(5, 10))])
    most = [
        f"{alt}\n\n{title}\n\n{B} {rng.choice(SECTIONS)}\n{B} {fmt_date(random_day(rng), False)}"
        for alt, title in zip(rng.sample(p.headlines, 4), rng.sample(p.headlines, 4), strict=True)
    ]
    nxt = [
        f"{alt}\n{rng.choice(SECTIONS)}\n\n{title}\n"
        for alt, title in zip(rng.sample(p.headlines, 4), rng.sample(p.headlines, 4), strict=True)
    ]
    sidebars = "\n".join(
        ["Most Read", "", *most, "", "Coverage", "", "All", rng.choice(TOPICS), "", "Read Next", "", "All", *nxt]
    )
    return ticker, sidebars


def render(a: Article, ticker: str, sidebars: str, rng: random.Random) -> str:
    meta = []
    if a.authors:
        meta.append(f"{B} By {byline(a.authors, rng)}")
    if a.source:
        meta.append(f"{B} Source: {a.source}")
    meta.append(f"{B} {fmt_date(a.published)}")
    words = sum(p.count(" ") + 1 for p in a.paragraphs)
    head = "\n".join(meta) + (f"\n{max(1, round(words / 230))} Min Read" if a.reading else "")
    blocks = [NAV, ticker, "", a.title, "", head, ""]
    image = ""
    if a.image:
        image = f"{B} x\n{B} {a.image[0]}" + (f"\n    {a.image[1]}" if a.image[1] else "")
    if a.summary:
        blocks += [a.summary, ""]
    if image and a.image_first:
        blocks += [image, ""]
    for k, paragraph in enumerate(a.paragraphs):
        if k == a.related_at:
            blocks += ["Related News", "", a.related[0], "", a.related[1], ""]
        if image and not a.image_first and k == len(a.paragraphs) // 2:
            blocks += [image, ""]
        blocks += [paragraph, ""]
    if a.tags:
        blocks += ["\n".join(f"{B} {t}" for t in a.tags), ""]
    blocks += [sidebars, "", FOOTER]
    return "\n".join(blocks)


def home_page(rng: random.Random, p: Pools) -> str:
    ticker, sidebars = chrome(rng, p)
    items = [
        f"{h}\n\n{B} {rng.choice(SECTIONS)}\n{B} {fmt_date(random_day(rng), False)}"
        for h in rng.sample(p.headlines, 12)
    ]
    return "\n".join([NAV, ticker, "", *items, "", sidebars, "", FOOTER])


def one_word_edit(a: Article, rng: random.Random) -> Article:
    k = rng.randrange(len(a.paragraphs))
    words = a.paragraphs[k].split(" ")
    words[rng.randrange(len(words))] = rng.choice(("also", "again", "now", "still", "reportedly"))
    return replace(a, paragraphs=(*a.paragraphs[:k], " ".join(words), *a.paragraphs[k + 1 :]))


def original(seed: int, i: int, p: Pools) -> tuple[random.Random, Article] | None:
    """File i as a plain article (its generator positioned after the article), or None if it is not one."""
    rng = rng_for(seed, i)
    if kind_of(rng.random()) != "article":
        return None
    return rng, make_article(rng, p)


def page(seed: int, i: int) -> tuple[str, bytes]:
    """The kind and bytes of file i."""
    p = pools(seed)
    rng = rng_for(seed, i)
    kind = kind_of(rng.random())
    if kind == "article" or (kind.startswith("dup_") and i == 0):
        article = make_article(rng, p)
        return "article", render(article, *chrome(rng, p), rng).encode()
    if kind.startswith("dup_"):
        for _ in range(20):  # an earlier plain article to copy
            j = rng.randrange(i)
            if (found := original(seed, j, p)) is not None:
                break
        else:  # no plain article found: write a fresh one
            return "article", render(make_article(rng, p), *chrome(rng, p), rng).encode()
        jrng, article = found
        if kind == "dup_exact":
            return kind, render(article, *chrome(jrng, p), jrng).encode()
        if kind == "dup_edit":
            article = one_word_edit(article, rng)
        return kind, render(article, *chrome(rng, p), rng).encode()
    if kind == "empty":
        return kind, b""
    if kind == "binary":
        return kind, rng.randbytes(rng.randint(500, 20_000))
    if kind == "home_page":
        return kind, home_page(rng, p).encode()
    article = make_article(rng, p, spanish=kind == "spanish")
    if kind == "future_date":
        article = replace(article, published=datetime(2027, 1, 1) + timedelta(minutes=rng.randrange(2_000_000)))
    data = render(article, *chrome(rng, p), rng).encode()
    if kind == "truncated":
        after_meta = data.index(b"\n\n", data.index(fmt_date(article.published).encode()))
        data = data[: rng.randrange(after_meta + 1, data.index(b"\nMost Read"))]
    return kind, data


def file_path(root: Path, i: int) -> Path:
    return root / f"{i // FILES_PER_FOLDER:04d}" / f"{i:07d}.txt"


def _write_chunk(args: tuple[Path, int, int, int]) -> tuple[Counter[str], int]:
    root, seed, start, stop = args
    counts: Counter[str] = Counter()
    total = 0
    folder = file_path(root, start).parent
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, stop):
        kind, data = page(seed, i)
        with open(folder / f"{i:07d}.txt", "wb") as handle:
            handle.write(data)
        counts[kind] += 1
        total += len(data)
    return counts, total


def generate(root: Path, n: int, seed: int = 7, workers: int | None = None) -> dict:
    """Write files 0..n-1 under root (FILES_PER_FOLDER per subfolder) and a manifest; return the manifest."""
    started = time.perf_counter()
    manifest_path(root).unlink(missing_ok=True)  # a partial folder never looks complete
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    pools(seed)  # built once, inherited by the forked workers
    chunks = [(root, seed, s, min(s + FILES_PER_FOLDER, n)) for s in range(0, n, FILES_PER_FOLDER)]
    workers = workers or len(os.sched_getaffinity(0))
    counts: Counter[str] = Counter()
    total = 0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for chunk_counts, chunk_bytes in pool.imap_unordered(_write_chunk, chunks):
            counts.update(chunk_counts)
            total += chunk_bytes
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "files": n,
        "bytes": total,
        "kinds": dict(sorted(counts.items())),
        "seconds": round(time.perf_counter() - started, 2),
    }
    manifest_path(root).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def manifest_path(root: Path) -> Path:
    """Beside the dumps folder, not inside it: the build must see only dumps."""
    return root.with_name(root.name + ".manifest.json")


def cached(root: Path, n: int, seed: int) -> dict | None:
    """The manifest of a complete earlier generation with the same parameters, if any."""
    try:
        manifest = json.loads(manifest_path(root).read_text())
    except (OSError, ValueError):
        return None
    same = (manifest.get("generator_version"), manifest.get("seed"), manifest.get("files"))
    return manifest if same == (GENERATOR_VERSION, seed, n) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.count, args.seed, args.workers), indent=2))


if __name__ == "__main__":
    main()
