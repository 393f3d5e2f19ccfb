"""make_silver.py SRC_DIR OUT_DIR: development pages with silver labels, laid out like shared/devsets/readability.

    .venv/bin/python bench/devdata/make_silver.py SRC_DIR OUT_DIR [--source-prefix P] [--devset DIR] [--tools DIR]

For every HTML page under SRC_DIR (*.html, *.htm, optionally gzipped: *.html.gz; sorted by path):
  OUT_DIR/html/NAME.html   the page's bytes (gunzipped; a page not in UTF-8, the only charset render_dump.py
                           reads, transcoded from its declared charset, the declaration changed to match)
  OUT_DIR/dumps/NAME.txt   the page rendered to a text dump by shared/tools/render_dump.py (needs w3m)
  OUT_DIR/truth.json       NAME -> the keys of the devset's truth.json, plus "source" and "site"
NAME is the file name without its extensions (a clash between two files is an error, never a rename).

Labels ("silver": what a well-kept extractor reads from the HTML, not hand-made):
  body         trafilatura 2.x on the page (bare_extraction with include_comments=False, include_tables=True,
               with_metadata=True, every other option at its default), its body turned into HTML as its own
               HTML output does (but <ol> kept ordered and inline <code> inline) and rendered by the same
               render_dump.py: the devset's bodies are readability.js's HTML rendered that way, so paragraphs
               are split by a blank line and lists, quotes and tables look as they do in the dumps
  readerable   false when that body has fewer than 50 words (\\w+ runs), or when trafilatura finds none ("")
  title, summary, authors, site_name
               trafilatura's metadata (summary = description). authors is a list like the devset's: [] or one
               string, names joined by "; ". site_name is null when trafilatura only derived it from the URL
  published    htmldate (original_date=True, extensive_search=False: no guessing from copyright lines or
               free text), ISO 8601 with the time and offset when the page states them, else the date alone
  language     the page's declared language (<html lang>, else a Content-Language meta), as written, else null
  source       --source-prefix + the file's path relative to SRC_DIR
  site         registered domain of the page's canonical link, else of its og:url, else null
Pages whose path mentions a data set held out for acceptance (scrapinghub's article-extraction-benchmark,
fundus) are skipped. With --devset (default: shared/devsets/readability), the summary lists the pages whose
site also has pages there. The same inputs give the same bytes: sorted inputs, fixed options, no clock.
Needs trafilatura (the `bench` extra) and w3m; writes only into OUT_DIR, which must be empty or absent.
Tests: .venv/bin/python -m pytest -q -p no:cacheprovider bench/devdata/test_make_silver.py
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import htmldate
import lxml.etree
import lxml.html
import tld
import trafilatura
from trafilatura.htmlprocessing import convert_to_html

ROOT = Path(__file__).resolve().parents[2]
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
# The held-out acceptance sets: never read, whatever folder they turn up in.
RESERVED = re.compile(r"scrapinghub|article[-_]extraction[-_]benchmark|fundus", re.IGNORECASE)
MIN_BODY_WORDS = 50
CONTROLS = bytes.maketrans(bytes([*range(9), 11, 12, *range(14, 32)]), b" " * 29)
WORD = re.compile(r"\w+")
EXTRACT_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True, "with_metadata": True}
CHARSET = re.compile(r"""(<meta\b[^>]*?charset\s*=\s*["']?)([\w:.-]+)""", re.IGNORECASE)
LATIN1_NAMES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
# trafilatura's XML elements that hold running text: a <code> inside one of them is inline code
INLINE_PARENTS = frozenset({"p", "head", "hi", "ref", "item", "cell"})
# htmldate drops dates after max_date, which defaults to today: a fixed bound keeps reruns identical.
DATE_OPTIONS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "max_date": "2030-12-31",
}
# trafilatura's last resort for the site name is the URL's host (metadata.py, META_URL); that is not a name
# the page shows, so it is dropped.
URL_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")

Renderer = Callable[[bytes], str]


def shared_dir(name: str) -> Path:
    """shared/NAME beside the main checkout (../shared) or beside the worktrees' folder (../../shared)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / name).is_dir():
            return base / "shared" / name
    return ROOT.parent / "shared" / name


def load_renderer(tools: Path) -> Renderer:
    sys.path.insert(0, str(tools))
    from render_dump import render  # the devset's renderer, so that dumps and bodies match its form

    return render


def page_files(src: Path) -> Iterator[Path]:
    """HTML files under src in path order, the reserved sets left out."""
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        if path.name.lower().endswith(HTML_SUFFIXES) and not RESERVED.search(str(path.relative_to(src))):
            yield path


def page_name(path: Path) -> str:
    name = path.name
    for suffix in HTML_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_page(path: Path) -> bytes:
    """The page's bytes, ungzipped, its C0 control characters but tab and line breaks made spaces: a browser
    shows none, and lxml (under htmldate) refuses a page holding one (three of CleanEval's: form feeds)."""
    data = path.read_bytes()
    return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).translate(CONTROLS)


def as_html(body: Any) -> str:
    """trafilatura's XML body as HTML, keeping what its own HTML output loses: <ol> stays ordered (numbers
    are words of the body) and inline code stays inline (its output turns every <code> into a block <pre>)."""
    tree = copy.deepcopy(body)
    for element in tree.iter("list", "code"):
        if element.tag == "list" and element.get("rend") == "ol":
            element.tag = "ol"
            element.attrib.clear()
        elif element.tag == "code" and (element.getparent().tag in INLINE_PARENTS or (element.tail or "").strip()):
            element.tag = "code_inline"  # renamed back below: convert_to_html maps every "code" to "pre"
    html = convert_to_html(tree)
    for element in html.iter("code_inline"):
        element.tag = "code"
    return unicodedata.normalize("NFC", lxml.etree.tostring(html, encoding="unicode"))


def as_utf8(page: bytes) -> bytes:
    """The page in UTF-8, the only charset render_dump.py reads: other pages are transcoded from the charset
    they declare (Latin-1 read as windows-1252, as browsers do) and their declaration says utf-8 afterwards."""
    try:
        page.decode("utf-8")
        return page
    except UnicodeDecodeError:
        pass
    text = page.decode("latin-1")
    declared = CHARSET.search(text)
    encoding = declared[2].lower() if declared else "windows-1252"
    if encoding in LATIN1_NAMES:
        encoding = "windows-1252"
    try:
        text = page.decode(encoding, errors="replace")
    except LookupError:
        text = page.decode("windows-1252", errors="replace")
    return CHARSET.sub(r"\1utf-8", text).encode("utf-8")


def rendered_body(page: bytes, render: Renderer) -> tuple[str, Any]:
    """(body text, trafilatura's document or None): the article as HTML, rendered like the dumps."""
    document = trafilatura.bare_extraction(page, **EXTRACT_OPTIONS)
    if document is None or document.body is None or not len(document.body):
        return "", document
    return render(as_html(document.body).encode("utf-8")), document


def published(page: bytes) -> str | None:
    """The page's publication date as ISO 8601; the time only when the page states one."""
    found = htmldate.find_date(page, **DATE_OPTIONS)
    if not found:
        return None
    has_offset = len(found) > 19
    moment = datetime.strptime(found, DATE_OPTIONS["outputformat"] if has_offset else "%Y-%m-%dT%H:%M:%S")
    # htmldate fills an unknown time with midnight and no offset
    if not has_offset and moment.time() == datetime.min.time():
        return moment.date().isoformat()
    return moment.isoformat()


def first_attribute(tree: Any, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            if str(value).strip():
                return str(value).strip()
    return None


def declared_language(tree: Any) -> str | None:
    return first_attribute(
        tree,
        (
            "/html/@lang",
            "/html/@*[name()='xml:lang']",  # the HTML parser keeps the prefix as part of the name
            "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')='content-language']/@content",
        ),
    )


def registered_domain(tree: Any) -> str | None:
    """eTLD+1 of the page's own URL as it states it (canonical link, else og:url)."""
    for xpath in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        url = first_attribute(tree, (xpath,))
        domain = tld.get_fld(url, fail_silently=True) if url else None
        if domain:
            return str(domain)
    return None


def parse_tree(page: bytes) -> Any:
    tree = trafilatura.load_html(page)
    return tree if tree is not None else lxml.html.fromstring("<html></html>")


def site_name(document: Any) -> str | None:
    name = document.sitename
    if not name:
        return None
    from_url = URL_HOST.match(document.url or "")
    return None if from_url and from_url[1] == name else name


def metadata_field(meta: Any, field: str) -> str | None:
    value = getattr(meta, field, None) if meta is not None else None
    return value.strip() or None if isinstance(value, str) else None


def label(page: bytes, render: Renderer, source: str) -> dict[str, Any]:
    """The truth record of one page, keys in the devset's order then source and site."""
    body, document = rendered_body(page, render)
    # a page without a body still has its metadata
    meta = document if document is not None else trafilatura.extract_metadata(page)
    tree = parse_tree(page)
    author = metadata_field(meta, "author")
    return {
        "title": metadata_field(meta, "title"),
        "authors": [author] if author else [],
        "summary": metadata_field(meta, "description"),
        "published": published(page),
        "language": declared_language(tree),
        "site_name": site_name(meta) if meta is not None else None,
        "readerable": len(WORD.findall(body)) >= MIN_BODY_WORDS,
        "body": body,
        "source": source,
        "site": registered_domain(tree),
    }


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def prepare_out(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty: give a new or empty folder")
    for sub in ("html", "dumps"):
        (out / sub).mkdir(parents=True, exist_ok=True)


def build(src: Path, out: Path, render: Renderer, source_prefix: str) -> dict[str, dict[str, Any]]:
    """Writes html/, dumps/ and truth.json; returns the truth."""
    prepare_out(out)
    truth: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    for path in page_files(src):
        name = page_name(path)
        if name in origin:
            raise SystemExit(f"two pages named {name}: {origin[name]} and {path}")
        origin[name] = path
        page = as_utf8(read_page(path))
        (out / "html" / f"{name}.html").write_bytes(page)
        write_text(out / "dumps" / f"{name}.txt", render(page))
        truth[name] = label(page, render, source_prefix + path.relative_to(src).as_posix())
    ordered = {name: truth[name] for name in sorted(truth)}
    write_text(out / "truth.json", json.dumps(ordered, ensure_ascii=False, indent=1))
    return truth


def devset_sites(devset: Path) -> set[str]:
    sites = (registered_domain(parse_tree(p.read_bytes())) for p in sorted((devset / "html").glob("*.html")))
    return {site for site in sites if site}


def summary(truth: dict[str, dict[str, Any]], known_sites: set[str]) -> str:
    languages = Counter((rec["language"] or "none").split("-")[0].lower() for rec in truth.values())
    sites = {rec["site"] for rec in truth.values() if rec["site"]}
    shared = sorted(name for name, rec in truth.items() if rec["site"] in known_sites)
    lines = [
        f"pages {len(truth)}, readerable {sum(rec['readerable'] for rec in truth.values())}, "
        f"sites known {len(sites)} (pages with none: {sum(not rec['site'] for rec in truth.values())})",
        "declared languages: " + ", ".join(f"{lang} {n}" for lang, n in languages.most_common()),
        f"published stated: {sum(bool(rec['published']) for rec in truth.values())}, "
        f"with a time: {sum('T' in (rec['published'] or '') for rec in truth.values())}",
        f"body words: {sum(len(WORD.findall(rec['body'])) for rec in truth.values())}",
        f"sites also in the devset ({len(shared)} pages): " + ", ".join(shared),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source-prefix", default="", help="put before each page's path in its 'source'")
    parser.add_argument("--devset", type=Path, default=shared_dir("devsets") / "readability")
    parser.add_argument("--tools", type=Path, default=shared_dir("tools"), help="folder of render_dump.py")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = build(args.src, args.out, load_renderer(args.tools), args.source_prefix)
    known = devset_sites(args.devset) if (args.devset / "html").is_dir() else set()
    print(summary(truth, known))
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
