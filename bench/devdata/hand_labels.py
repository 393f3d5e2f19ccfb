"""hand_labels.py GOLD_DIR DEVSET: put hand-made headline and body labels in a devset made by make_silver.py.

    .venv/bin/python bench/devdata/make_silver.py page-signal/input OUT --source-prefix page-signal/input/
    .venv/bin/python bench/devdata/hand_labels.py page-signal/GoldStandard OUT

GOLD_DIR holds, for a page OUT/html/NAME.html, the page annotated by hand in the L3S-GN1 way (Kohlschütter
et al., "Boilerplate detection using shallow text features", 2010): GOLD_DIR/NAME.txt (or NAME.html) is the
page's HTML with the annotated text wrapped in <span class="x-nc-selN">; sel1 marks the headline, sel2 the
full text, sel3 supplemental text (captions, subheadings' context), sel4 related content, sel5 comments.
In OUT/truth.json every page with a gold file gets:
  title        the sel1 text of its first block element (its spans joined by a space), or null when none is
               marked: a few pages mark a standfirst or a "Print" link after the headline too
  body         the sel2 text: spans under one block element joined by a space, blocks by a blank line
  readerable   false when that body has fewer than 50 words
  labels       "hand: title, body" (the other keys stay make_silver.py's silver labels)
The gold files of GN1 lost every character outside Latin-1 to "?" ("Kosovo?s"); each text holding one is
looked up in the page's own text with "?" matching any one character, and taken from there when found.
With --text, GOLD_DIR/NAME.txt is the page's main text typed out by hand, Dragnet's way (Peters and Lecocq,
"Content extraction using diverse feature sets", 2013: github.com/seomoz/dragnet_data): headline, byline
and body, then a line "!@#$%^&*()  COMMENTS" and the readers' comments. body is the text above that line,
one paragraph a line, its first line dropped when it is make_silver.py's title; the title stays silver. With
--title-first-line too, the gold's first line is the headline typed out by hand (the Chaos set's layout: Utomo
and Leu, github.com/MSVCode/ir-research-data, `Extraction/chaos-all/gold/`): it is the title, and no part of
the body.
With --cleaneval, GOLD_DIR/NAME.txt is the page cleaned by hand the CleanEval way (Baroni et al., "CleanEval: a
competition for cleaning web pages", 2008; CleanPortalEval's pages of news portals, github.com/ppke-nlpg/
CleanPortalEval, use it too): a line "URL: ..." and then the page's text, each block opened by <h> (a heading),
<p> (a paragraph) or <l> (a list item). title is its first block when that is a heading, body the other
blocks, one paragraph each (the headline's dropped, as Dragnet's is; subheadings kept).
With --trafilatura-eval, GOLD_DIR is instead trafilatura's evaluation file (tests/evaldata.json of
github.com/adbar/trafilatura), whose pages (tests/eval/) make_silver.py read: for each page it names by file, a
title, an author and a date set by hand, and "with" and "without", a few passages typed out by hand that the
article holds and a few of the page's other text that it does not. The page's title, authors (one string, or
[] when the file gives ""), published date and its passages replace the silver ones (a page the file gives no
title, author or date has null there, so those figures are the hand-made labels' only); the body stays
make_silver.py's (trafilatura's, silver). bench/generic_eval.py scores the passages as trafilatura does:
a passage is found when the body holds it, whitespace runs made one space.
With --by-site, pages are renamed SITE-N (html/, dumps/ and truth.json's keys; "source" keeps the path), SITE
the registered domain make_silver.py found (truth's "site"), else the first eight characters of the first name
of the pages that share a site: GN1's names are UUIDs and Dragnet's numbers, and bench/generic_eval.py splits
the held-out part by site (a name without its "-N"). Two pages are of one site when they have one domain, or
share at least 5 lines of two words or more among their dumps' first and last 40 such lines (lines that over
5 % of all pages, and over two, print are ignored), unless that joins two known domains; a site is every page
linked so.
Writes only inside OUT; the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import lxml.html

GOLD_CLASS = re.compile(r"\bx-nc-sel([1-5])\b")
BLOCKS = frozenset({"p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt"})
MIN_BODY_WORDS = 50
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
SITE_LINES = 40  # a dump's first and last lines of two words or more that make its site's signature
SHARED_LINES = 5  # two pages sharing this many signature lines are of one site
COMMON_SHARE = 20  # a line printed by more than 1/20 of the pages (and more than two) is no site's
# A block's tag, wherever it stands: most of CleanEval's files indent it, some put it in mid-line ("Figure 2. <p>"),
# a few in capitals
CLEANEVAL_BLOCK = re.compile(r"<([hpl])>", re.IGNORECASE)
COMMENTS_SEPARATOR = re.compile(r"^\W*COMMENTS\s*$", re.MULTILINE)
LOST = "?"
UTF8 = lxml.html.HTMLParser(encoding="utf-8")  # both files are UTF-8 (make_silver.py transcodes the pages)


def normalised(text: str) -> str:
    return unicodedata.normalize("NFC", SPACE.sub(" ", text).strip())


def block_of(element: Any) -> Any:
    """The nearest block ancestor: spans under one paragraph make one paragraph."""
    node = element.getparent()
    while node is not None and node.tag not in BLOCKS:
        node = node.getparent()
    return node


def marked(tree: Any, selection: str) -> list[tuple[Any, str]]:
    """(block, text) of every span of the selection, in document order; a span inside another marked span
    (of any selection) is read with it, not again."""
    found = []
    for span in tree.iter("span"):
        match = GOLD_CLASS.search(span.get("class") or "")
        if match is None or match[1] != selection:
            continue
        if any(GOLD_CLASS.search(a.get("class") or "") for a in span.iterancestors("span")):
            continue
        text = normalised(span.text_content())
        if text:
            found.append((block_of(span), text))
    return found


def joined(spans: list[tuple[Any, str]]) -> str:
    parts: list[str] = []
    previous = None
    for block, text in spans:
        if parts:
            parts.append(" " if block is previous else "\n\n")
        parts.append(text)
        previous = block
    return "".join(parts)


def readerable(body: str) -> bool:
    """Whether a labelled body is an article's: MIN_BODY_WORDS words or more."""
    return len(WORD.findall(body)) >= MIN_BODY_WORDS


def repaired(text: str, page_text: str) -> str:
    """Each paragraph with a lost character, as the page prints it, when the page holds it."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if LOST in paragraph:
            pattern = "".join("." if c == LOST else (r"\s*" if c == " " else re.escape(c)) for c in paragraph)
            found = re.search(pattern, page_text)
            if found is not None:
                paragraph = normalised(found[0])
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def gold_file(gold: Path, name: str) -> Path | None:
    for suffix in (".txt", ".html"):
        if (gold / f"{name}{suffix}").is_file():
            return gold / f"{name}{suffix}"
    return None


def labels(gold_path: Path, page_path: Path) -> dict[str, Any]:
    tree = lxml.html.document_fromstring(gold_path.read_bytes(), parser=UTF8)
    page = lxml.html.document_fromstring(page_path.read_bytes(), parser=UTF8)
    page_text = normalised(page.text_content())
    title = joined(marked(tree, "1")).split("\n\n")[0]  # its first block: some mark a standfirst with it
    body = joined(marked(tree, "2"))
    return {
        "title": repaired(title, page_text) or None,
        "body": repaired(body, page_text),
        "readerable": readerable(body),
    }


def decoded(data: bytes) -> str:
    """A gold file's text: UTF-16 with its byte-order mark, else UTF-8 (its byte-order mark dropped: 75 of
    CleanEval's have one), else Windows-1252 (a few of Dragnet's and CleanEval's)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_labels(gold_path: Path, silver_title: str | None, title_first: bool = False) -> dict[str, Any]:
    """Labels from a gold file of plain text (Dragnet's): the page's main text, then its readers' comments
    after a separator line ("!@#$%^&*()  COMMENTS"). Its first line is dropped when it is the headline; with
    `title_first`, the first line is the headline, typed by hand, and becomes the title."""
    text = decoded(gold_path.read_bytes())
    main = COMMENTS_SEPARATOR.split(text, maxsplit=1)[0]
    paragraphs = [normalised(block) for block in re.split(r"\n\s*\n|\n", main) if block.strip()]
    title = None
    if title_first and paragraphs:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    elif paragraphs and silver_title and paragraphs[0].casefold() == normalised(silver_title).casefold():
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    found = {"body": body, "readerable": readerable(body)}
    return found if title is None else {"title": title, **found}


def cleaneval_labels(gold_path: Path) -> dict[str, Any]:
    """Labels from a gold file in CleanEval's format: the first block, when a heading, is the title."""
    text = decoded(gold_path.read_bytes())
    if text.startswith("URL:"):
        text = text.partition("\n")[2]
    pieces = CLEANEVAL_BLOCK.split(text)  # [before, tag, text, tag, text, ...]
    blocks = [
        (tag.lower(), normalised(html.unescape(block))) for tag, block in zip(pieces[1::2], pieces[2::2], strict=True)
    ]
    blocks = [(tag, block) for tag, block in blocks if block]
    title = blocks.pop(0)[1] if blocks and blocks[0][0] == "h" else None
    body = "\n\n".join(block for _, block in blocks)
    return {"title": title, "body": body, "readerable": readerable(body)}


def trafilatura_eval_labels(entry: dict[str, Any]) -> dict[str, Any]:
    """Labels from an entry of trafilatura's evaluation file; the keys it leaves out are null (unlabelled)."""
    author = entry.get("author")  # None: not labelled; "": the page names no author
    if isinstance(author, list):
        author = "; ".join(author)
    return {
        "title": entry.get("title") or None,
        "authors": None if author is None else [author] if author else [],
        "published": entry.get("date") or None,
        "with": list(entry["with"]),
        "without": list(entry["without"]),
    }


def signature(dump: str) -> set[str]:
    lines = [line for line in (" ".join(raw.split()) for raw in dump.split("\n")) if len(line.split()) >= 2]
    return set(lines[:SITE_LINES] + lines[-SITE_LINES:])


def site_groups(dumps: dict[str, str], domains: dict[str, str | None]) -> dict[str, str]:
    """Each page's site: the registered domain of its group, or the least name in it when none is known. A
    group is the pages of one known domain, and the pages linked to them or to each other by shared signature
    lines; two groups of different known domains are never joined (blogs of one platform share its lines)."""
    signatures = {name: signature(dump) for name, dump in dumps.items()}
    printed = Counter(line for lines in signatures.values() for line in lines)
    pages: defaultdict[str, list[str]] = defaultdict(list)
    for name in sorted(signatures):
        for line in signatures[name]:
            if printed[line] <= max(2, len(dumps) // COMMON_SHARE):
                pages[line].append(name)
    shared: Counter[tuple[str, str]] = Counter()
    for names in pages.values():
        shared.update(combinations(names, 2))
    parent = {name: name for name in dumps}
    domain = {name: domains.get(name) for name in dumps}  # a root's known domain

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    def join(a: str, b: str) -> None:
        first, second = sorted((root(a), root(b)))
        if first == second or (domain[first] and domain[second] and domain[first] != domain[second]):
            return
        parent[second] = first
        domain[first] = domain[first] or domain[second]

    first_of: dict[str, str] = {}
    for name in sorted(dumps):
        if domains.get(name):
            join(first_of.setdefault(domains[name], name), name)  # type: ignore[index]
    for (a, b), count in sorted(shared.items()):
        if count >= SHARED_LINES:
            join(a, b)
    return {name: domain[root(name)] or root(name)[:8] for name in dumps}


def rename_by_site(devset: Path, truth: dict[str, Any]) -> dict[str, Any]:
    dumps = {name: (devset / "dumps" / f"{name}.txt").read_text(encoding="utf-8") for name in truth}
    groups = site_groups(dumps, {name: record.get("site") for name, record in truth.items()})
    counts: Counter[str] = Counter()
    renamed: dict[str, Any] = {}
    for name in sorted(truth):
        label = groups[name]
        counts[label] += 1
        new = f"{label}-{counts[label]}"
        for sub, suffix in (("html", ".html"), ("dumps", ".txt")):
            (devset / sub / f"{name}{suffix}").rename(devset / sub / f"{new}{suffix}")
        renamed[new] = truth[name]
    print(f"sites {len(counts)}, of one page {sum(n == 1 for n in counts.values())}, largest {max(counts.values())}")
    return {name: renamed[name] for name in sorted(renamed)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("devset", type=Path)
    parser.add_argument("--by-site", action="store_true", help="rename the pages SITE-N (see above)")
    parser.add_argument("--text", action="store_true", help="gold files of plain text, Dragnet's (see above)")
    parser.add_argument(
        "--title-first-line", action="store_true", help="with --text: the gold's first line is the headline (see above)"
    )
    parser.add_argument("--cleaneval", action="store_true", help="gold files in CleanEval's format (see above)")
    parser.add_argument("--trafilatura-eval", action="store_true", help="GOLD is trafilatura's evaldata.json")
    args = parser.parse_args(argv)
    truth_path = args.devset / "truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    labelled = 0
    by_file = {}
    if args.trafilatura_eval:
        by_file = {entry["file"]: entry for entry in json.loads(args.gold.read_text(encoding="utf-8")).values()}
    for name, record in truth.items():
        if args.trafilatura_eval:
            entry = by_file.get(Path(record["source"]).name)
            if entry is not None:
                record.update(trafilatura_eval_labels(entry))
                record["labels"] = "hand: title, authors, date, passages with and without (trafilatura's evaluation)"
                labelled += 1
            continue
        path = gold_file(args.gold, name)
        if path is None:
            continue
        if args.cleaneval:
            record.update(cleaneval_labels(path))
            record["labels"] = "hand: title, body (CleanEval's blocks, the headline's dropped)"
        elif args.text:
            record.update(text_labels(path, record.get("title"), args.title_first_line))
            kept = "its byline's line kept"
            record["labels"] = (
                f"hand: title, body (the text's first line, then the text, {kept})"
                if args.title_first_line
                else f"hand: body (the page's text, {kept})"
            )
        else:
            record.update(labels(path, args.devset / "html" / f"{name}.html"))
            record["labels"] = "hand: title, body"
        labelled += 1
    if args.by_site:
        truth = rename_by_site(args.devset, truth)
    with open(truth_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(truth, ensure_ascii=False, indent=1))
    print(f"pages {len(truth)}, hand-labelled {labelled}, readerable {sum(r['readerable'] for r in truth.values())}")
    if not (args.text or args.cleaneval or args.trafilatura_eval):  # only GN1's gold files lost characters
        lost = sum(LOST in (r.get("body") or "") for r in truth.values() if r.get("labels"))
        print(f"bodies still holding '{LOST}': {lost}")


if __name__ == "__main__":
    main()
