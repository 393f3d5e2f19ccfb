"""Tests of make_silver.py (not in the package's suite: they need the `bench` extra and w3m).

.venv/bin/python -m pytest -q -p no:cacheprovider bench/devdata/test_make_silver.py
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("trafilatura")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_silver

DEVSET_KEYS = ["title", "authors", "summary", "published", "language", "site_name", "readerable", "body"]
SENTENCE = "The council voted on the new tram line after a long debate about its cost and its route through town. "
needs_w3m = pytest.mark.skipif(shutil.which("w3m") is None, reason="render_dump.py needs w3m")


def article(title: str, paragraphs: int, extra_head: str = "", extra_body: str = "") -> bytes:
    body = "".join(f"<p>{SENTENCE * 3}Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><title>{title}</title>'
        '<link rel="canonical" href="https://news.example.co.uk/town/tram.html">'
        '<meta property="og:site_name" content="Town News">'
        f'<meta name="author" content="Ann Smith">{extra_head}</head>'
        "<body><nav><a href='/'>Home</a> <a href='/town'>Town</a></nav>"
        f"<article><h1>{title}</h1>{body}{extra_body}</article>"
        "<footer>Copyright Town News</footer></body></html>"
    ).encode()


def test_a_latin1_page_is_transcoded_and_says_so() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Sächsische “Zeitung”</p></body></html>'
    converted = make_silver.as_utf8(page.encode("cp1252"))
    assert "Sächsische “Zeitung”" in converted.decode("utf-8")
    assert 'charset="utf-8"' in converted.decode("utf-8")


def test_a_page_s_control_characters_are_read_as_spaces(tmp_path: Path) -> None:
    """lxml refuses a page holding a form feed or a NUL (CleanEval has some); tab and line breaks stay."""
    (tmp_path / "p.html").write_bytes(b"<p>a\x0cb\x00c\td\r\ne\x1d</p>")
    assert make_silver.read_page(tmp_path / "p.html") == b"<p>a b c\td\r\ne </p>"


def test_a_utf8_page_is_kept_byte_for_byte() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Sächsische</p></body></html>'.encode()
    assert make_silver.as_utf8(page) is page


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="article:published_time" content="2019-06-19T17:49:39+02:00">', "2019-06-19T17:49:39+02:00"),
        ('<meta property="article:published_time" content="2019-06-19">', "2019-06-19"),
        ("", None),
    ],
)
def test_published_keeps_a_stated_time_and_nothing_else(meta: str, expected: str | None) -> None:
    assert make_silver.published(article("Tram", 3, extra_head=meta)) == expected


def test_pages_are_sorted_named_by_file_and_reserved_sets_skipped(tmp_path: Path) -> None:
    for rel in ("b/z.html.gz", "a/y.htm", "fundus/x.html", "scrapinghub_bench/w.html", "a/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"<html></html>")
    files = list(make_silver.page_files(tmp_path))
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a/y.htm", "b/z.html.gz"]
    assert [make_silver.page_name(p) for p in files] == ["y", "z"]


def test_an_out_folder_with_files_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        make_silver.prepare_out(tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def make_source(src: Path) -> None:
    (src / "cache").mkdir(parents=True)
    code = "<p>Run <code>pip install tram</code> to follow the vote, then read the list:</p>"
    steps = "<ol><li>Buy a ticket at the kiosk</li><li>Board at the front door</li></ol>"
    (src / "cache" / "tram.html").write_bytes(article("Tram line approved", 4, extra_body=code + steps))
    (src / "cache" / "empty.html").write_bytes(b'<html lang="fr"><head><title>Rien</title></head><body></body></html>')
    (src / "cache" / "short.html.gz").write_bytes(gzip.compress(article("Short note", 0, extra_body="<p>Hi.</p>")))


@needs_w3m
def test_build_writes_the_devset_layout_the_same_bytes_every_time(tmp_path: Path) -> None:
    make_source(tmp_path / "src")
    outs = [tmp_path / "out1", tmp_path / "out2"]
    for out in outs:
        make_silver.main([str(tmp_path / "src"), str(out), "--source-prefix", "demo@1/"])
    files = sorted(p.relative_to(outs[0]).as_posix() for p in outs[0].rglob("*") if p.is_file())
    names = ("empty", "short", "tram")
    assert files == [*(f"dumps/{n}.txt" for n in names), *(f"html/{n}.html" for n in names), "truth.json"]
    assert all((outs[0] / f).read_bytes() == (outs[1] / f).read_bytes() for f in files)
    assert (outs[0] / "html" / "short.html").read_bytes().startswith(b"<!DOCTYPE html>")  # gunzipped copy

    truth = json.loads((outs[0] / "truth.json").read_text(encoding="utf-8"))
    assert list(truth) == list(names)
    tram = truth["tram"]
    assert list(tram) == [*DEVSET_KEYS, "source", "site"]
    assert tram["authors"] == ["Ann Smith"]
    assert (tram["language"], tram["site_name"], tram["site"]) == ("en-GB", "Town News", "example.co.uk")
    assert tram["source"] == "demo@1/cache/tram.html"
    assert tram["readerable"] is True and truth["short"]["readerable"] is False
    empty = truth["empty"]  # no body: its metadata is still read
    assert (empty["title"], empty["language"], empty["body"], empty["readerable"]) == ("Rien", "fr", "", False)


@needs_w3m
def test_the_body_reads_like_the_devsets_bodies(tmp_path: Path) -> None:
    make_source(tmp_path / "src")
    make_silver.main([str(tmp_path / "src"), str(tmp_path / "out")])
    body = json.loads((tmp_path / "out" / "truth.json").read_text(encoding="utf-8"))["tram"]["body"]
    paragraphs = body.split("\n\n")
    assert (SENTENCE * 3 + "Paragraph 0.").strip() in paragraphs
    assert "Run pip install tram to follow the vote, then read the list:" in paragraphs
    assert " 1. Buy a ticket at the kiosk\n 2. Board at the front door" in paragraphs
    dump_lines = {line.strip() for line in (tmp_path / "out" / "dumps" / "tram.txt").read_text().split("\n")}
    assert {line.strip() for line in body.split("\n")} <= dump_lines
    assert "Home" not in body and "Copyright" not in body


@pytest.mark.parametrize(("sitename", "expected"), [("news.example.co.uk", None), ("Town News", "Town News")])
def test_a_site_name_taken_from_the_url_is_dropped(sitename: str, expected: str | None) -> None:
    document = SimpleNamespace(sitename=sitename, url="https://www.news.example.co.uk/town/tram.html")
    assert make_silver.site_name(document) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<html lang="de-DE" xml:lang="de-AT">', "de-DE"),
        ('<html xml:lang="de-AT">', "de-AT"),
        ('<html><head><meta http-equiv="Content-Language" content="fr"></head>', "fr"),
        ("<html>", None),
    ],
)
def test_the_declared_language_is_read_as_written(html: str, expected: str | None) -> None:
    tree = make_silver.parse_tree(f"{html}<body><p>Texte</p></body></html>".encode())
    assert make_silver.declared_language(tree) == expected
