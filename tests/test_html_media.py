"""Which inputs are HTML pages: the content decides, the name (`.html`, `.htm`, `.xhtml`, with `.gz`) breaks a tie;
text dumps never become pages, and a page's charset comes from its mark, its declaration, or detection."""

from __future__ import annotations

import codecs

import pytest

from builder.extract.html.charset import declared_charset, decode_html
from builder.extract.html.media import recognise_html
from builder.inputs.formats import looks_like_html
from builder.record import HTML_PAGE, TEXT_DUMP, Record, Reject
from tests.dumps import make_dump

PAGE = "<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html", PAGE.encode()),
        ("page.txt", PAGE.encode()),  # content first: the name says nothing
        ("bom_and_blanks.html", b"\xef\xbb\xbf \n\t<html><body><p>Hello</p></body></html>"),
        ("saved.txt", b"  <div class='article'><p>A fragment of a page</p></div>"),
        ("utf16.htm", "<!doctype html><title>t</title>".encode("utf-16")),
        ("utf32.xhtml", "<html><body><p>x</p></body></html>".encode("utf-32")),
        ("page.xhtml", b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>'),
        ("page.html.gz", b"<div>a tag of no particular kind, under an HTML name</div>\nsome text\nmore text\n"),
    ],
)
def test_markup_is_an_html_page(name: str, data: bytes) -> None:
    assert looks_like_html(data, name)
    record = Record(source_file=name, data=data)
    assert recognise_html(record) is None and record.media_type == HTML_PAGE


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("dump.txt", make_dump().encode()),
        ("dump_bom.txt", codecs.BOM_UTF8 + make_dump().encode()),
        ("page.html", b"The Daily Courier\n\nPlain text under an .html name: the content decides.\n"),
        ("feed.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'),
        ("less.txt", b"<3 a plain page that opens with a heart.\n"),
        ("pixel.txt", b'<img src="https://example.org/tr?id=1" />\n[logo] World\n\nA plain page.\nMore text.\n'),
        ("empty.html", b""),
    ],
)
def test_text_and_other_markup_stay_text(name: str, data: bytes) -> None:
    assert not looks_like_html(data, name)
    record = Record(source_file=name, data=data)
    recognise_html(record)
    assert record.media_type == TEXT_DUMP


def test_a_media_type_a_container_gave_is_kept() -> None:
    record = Record(source_file="crawl.warc.gz#0", data=PAGE.encode(), media_type="application/json")
    recognise_html(record)
    assert record.media_type == "application/json"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<META CHARSET=ISO-8859-1>", "cp1252"),  # Latin-1 is read as windows-1252, as browsers do
        (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
        (b"<meta charset='utf-16'>", "utf-8"),  # a page whose bytes were ASCII enough to say so is not UTF-16
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_the_declared_charset(data: bytes, codec: str | None) -> None:
    assert declared_charset(b"<html><head>" + data + b"</head>") == codec


def test_a_wrong_declaration_falls_back_to_utf8() -> None:
    data = '<meta charset="windows-1252"><p>café ★</p>'.encode()  # the star is no windows-1252 character
    assert decode_html(data) == ('<meta charset="windows-1252"><p>café ★</p>', "utf-8")


def test_bytes_that_are_no_text_are_unreadable() -> None:
    decoded = decode_html(codecs.BOM_UTF8 + b"<p>\xff\xfe</p>")
    assert isinstance(decoded, Reject) and "byte-order mark" in decoded.detail
