"""The corpus: unprofiled dumps grouped by site, and each site's recurring lines counted."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
from collections import Counter
from itertools import chain, zip_longest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.extract.generic import corpus as corpus_module
from builder.extract.generic.chrome import LISTED, LIVE_SITES, SiteChrome, line_key, line_keys
from builder.extract.generic.corpus import (
    FOLD_KEYS,
    SAMPLE,
    CorpusBuilder,
    CorpusIndex,
    frame_of,
    page_frame,
    page_lines,
    sketch_page,
    unlisted,
)
from builder.extract.textdump.lines import BLANK, listed_texts, read_line
from tests.source_modules import source_module

WORDS = [
    "harbour",
    "council",
    "vote",
    "budget",
    "river",
    "bridge",
    "school",
    "storm",
    "market",
    "rail",
    "museum",
    "festival",
    "election",
    "court",
]


def site_page(site: str, number: int, seed: int = 0) -> str:
    """A page of a made-up site: its own navigation and footer around an article that is never repeated."""
    rng = random.Random(f"{site}-{number}-{seed}")
    nav = [f"{site} Home", "• World", "• Business", "• Sport", f"• {site} Opinion", "Subscribe"]
    title = " ".join(rng.choice(WORDS).title() for _ in range(7))
    body = [" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(5)]
    footer = [f"About {site}", "Contact us", "Privacy policy", f"© 2024 {site} Media. All rights reserved."]
    return "\n".join([*nav, "", title, "", *("\n\n".join(body).split("\n")), "", *footer])


def index_of(pages: list[str]) -> CorpusIndex:
    corpus = CorpusBuilder()
    corpus.add_all(sketch_page(page_lines(page), None) for page in pages)
    return corpus.index()


def test_dumps_are_grouped_by_their_site_and_chrome_is_counted_per_site() -> None:
    pages = [site_page(site, n) for n in range(6) for site in ("Daily Planet", "Gotham Gazette")]
    index = index_of(pages)
    assert len(index.chrome) == 2 and index.dumps == 12
    planet = index.chrome_for(site_page("Daily Planet", 99))
    gazette = index.chrome_for(site_page("Gotham Gazette", 99))
    assert planet is not None and gazette is not None and planet is not gazette
    assert planet.count("Daily Planet Home") == 6 and planet.count("Gotham Gazette Home") == 0
    assert planet.count("Subscribe") == 6  # shared by both sites, counted within each
    assert "starting 'Daily Planet Home'" in planet.group


def test_lines_of_one_dump_only_are_not_counted() -> None:
    pages = [site_page("Daily Planet", n) for n in range(4)]
    chrome = index_of(pages).chrome_for(pages[0])
    assert chrome is not None
    title = pages[0].split("\n")[7]
    assert title and chrome.count(title) == 0
    assert line_key(title) not in chrome.recurring


def test_a_lone_dump_and_an_unknown_site_get_no_chrome() -> None:
    pages = [site_page("Daily Planet", n) for n in range(3)] + [site_page("Metropolis Mirror", 0)]
    index = index_of(pages)
    assert len(index.chrome) == 1  # the Mirror's one dump says nothing of its chrome
    assert index.chrome_for(site_page("Metropolis Mirror", 1)) is None
    assert index.chrome_for("a page\nwith nothing in common\nwith any site") is None
    assert CorpusIndex().chrome_for(pages[0]) is None


def test_counts_stop_at_the_sample_and_the_index_travels_by_value() -> None:
    pages = [site_page("Daily Planet", n) for n in range(SAMPLE + 5)]
    index = index_of(pages)
    (chrome,) = index.chrome
    assert chrome.dumps == SAMPLE and chrome.count("About Daily Planet") == SAMPLE
    assert f": {SAMPLE + 5} dumps" in chrome.group
    copy = pickle.loads(pickle.dumps(index))
    assert copy.chrome == index.chrome and copy.chrome_for(pages[3]) == index.chrome_for(pages[3])


@pytest.mark.parametrize("interleaved", [False, True])
@pytest.mark.parametrize("fold_keys", [FOLD_KEYS, 7])
def test_compact_counting_gives_the_plain_counts_of_every_site(
    monkeypatch: pytest.MonkeyPatch, fold_keys: int, interleaved: bool
) -> None:
    """A site's keys appended as they come, folded into sorted keys with counts (again and again with
    `fold_keys` 7, and between other sites' dumps when they interleave), one-dump lines dropped once the
    sample is full: the recurring lines a plain count of the sampled sketches gives."""
    monkeypatch.setattr(corpus_module, "FOLD_KEYS", fold_keys)
    sizes = {"Daily Planet": SAMPLE + 3, "Gotham Gazette": 5, "Metropolis Mirror": 1, "Star City Star": 2}
    twice = {10: "A correction two dumps print", 150: "A correction two dumps print"}  # a line of two dumps
    by_site = {
        site: [sketch_page(page_lines(site_page(site, n) + "\n" + twice.get(n, "")), None) for n in range(size)]
        for site, size in sizes.items()
    }
    if interleaved:  # one dump of each site in turn
        order = [s for turn in zip_longest(*by_site.values()) for s in turn if s is not None]
    else:
        order = [sketch for sketches in by_site.values() for sketch in sketches]
    corpus = CorpusBuilder()
    corpus.add_all(order)
    groups = {group.first_line[:12]: group for group in corpus.groups}
    lone = groups["Metropolis M"]
    lone.fold()
    assert list(lone.keys) == sorted(by_site["Metropolis Mirror"][0].lines) and set(lone.counts) == {1}
    planet = groups["Daily Planet"]
    assert not planet.fresh and all(planet.counts >= 2)  # the sample is full: folded, one-dump lines gone
    gazette = groups["Gotham Gazet"]
    assert (len(gazette.keys) > 0) == (fold_keys == 7)  # folded before the sample is full only past fold_keys
    index = corpus.index()
    for chrome in index.chrome:
        site = next(site for site in sizes if site in chrome.group)
        plain = Counter(chain.from_iterable(sketch.lines for sketch in by_site[site][:SAMPLE]))
        assert chrome.dumps == min(sizes[site], SAMPLE)
        assert dict(chrome.recurring) == {key: n for key, n in plain.items() if n >= 2}
        assert list(chrome.keys) == sorted(chrome.keys)
    assert len(index.chrome) == 3
    assert index.chrome_for(site_page("Daily Planet", 99)).count("A correction two dumps print") == 2  # type: ignore[union-attr]


def test_a_site_s_counts_travel_as_arrays_and_a_process_keeps_few_as_dicts() -> None:
    from builder.extract.generic import chrome as chrome_module

    lines = [f"Menu line {n}" for n in range(300)]
    sites = [SiteChrome(f"site {n}", 10, {line_key(text): 10 for text in lines}) for n in range(LIVE_SITES + 6)]
    travelled = pickle.dumps(sites[0])
    assert len(travelled) < 13 * len(lines) + 300  # 12 bytes a line and the rest: no dict on the way
    assert pickle.loads(travelled) == sites[0] and pickle.loads(travelled).count("Menu line 7") == 10
    answers = [site.found_in(["Menu line 3", "An article's own line"], 3.0) for site in sites]
    assert answers == [{"Menu line 3": 10}] * len(sites)
    assert len(chrome_module._LIVE) <= LIVE_SITES
    assert sites[0]._lookup is None and not sites[0]._met  # the first sites read are dicts no more...
    assert sites[0].found_in(["Menu line 3"], 3.0) == {"Menu line 3": 10}  # ...and answer the same


def test_the_publisher_is_the_name_most_dumps_show() -> None:
    corpus = CorpusBuilder()
    for n, name in enumerate(["Daily Planet", "Daily Planet", None, "Planet Media", "Daily Planet"]):
        corpus.add(sketch_page(page_lines(site_page("Daily Planet", n)), name))
    (chrome,) = corpus.index().chrome
    assert chrome.publisher == "Daily Planet"


def test_the_same_sketches_in_the_same_order_give_the_same_index() -> None:
    pages = [site_page(site, n) for n in range(5) for site in ("A Times", "B Post", "C Herald")]
    one, two = index_of(pages), index_of(list(pages))
    assert one.frames == two.frames and one.chrome == two.chrome


def test_the_survey_sketches_only_what_the_generic_reader_will_read() -> None:
    from builder.extract.generic.survey import sketch_record
    from builder.record import Record
    from builder.sites import registry
    from tests.dumps import make_dump

    def sketch(data: bytes) -> object:
        return sketch_record(Record(source_file="a.txt", data=data), registry())

    assert sketch(make_dump().encode()) is None  # a profile's
    assert sketch(b"\xef\xbb\xbf" + make_dump().encode()) is None  # the same with a BOM: the full decoding decides
    assert sketch(b"<!doctype html><html><body><p>x</p></body></html>") is None  # markup: not a dump
    assert sketch(b"\x00\x01binary") is None
    found = sketch(site_page("Daily Planet", 1).encode())
    assert found is not None and found.first_line == "Daily Planet Home"


def test_the_frame_of_a_long_page_is_read_from_its_ends() -> None:
    long = "\n\n".join([site_page("Daily Planet", 1), *(f"paragraph {n} of a very long page" for n in range(500))])
    assert page_frame(long) == frame_of(page_lines(long))
    blank_ends = "\n" * 300 + long + "\n" * 300
    assert page_frame(blank_ends) == frame_of(page_lines(blank_ends))


def test_line_keys_are_the_same_in_every_process() -> None:
    """Keys travel from the survey's workers to the readers' in SiteChrome: a salted hash would not match."""
    lines = ["Home", "Sign in to comment", "• Weather", "Café society — ünïcode"]
    code = f"from builder.extract.generic.chrome import line_key; print([line_key(t) for t in {lines!r}])"
    keys = {
        subprocess.run(
            [sys.executable, "-c", code], env={"PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2")
    }
    assert keys == {f"{[line_key(t) for t in lines]}\n"}
    assert len({line_key(t) for t in lines}) == len(lines)
    assert all(0 <= line_key(t) < 2**64 for t in lines)


def test_page_lines_read_each_line_as_read_line_does() -> None:
    """page_lines skips building Line objects; the text it keys must be read_line's (a list item's after its
    mark, as the reader looks it up), blank lines left out."""
    raws = ["Prose as it is.", "  • Indented  item ", "•", "  •", "   ", "", "\tTabbed\xa0text", "•x y", "a  b"]
    lines = [line for raw in raws if (line := read_line(raw, "•")) is not BLANK]
    assert page_lines("\n".join(raws)) == listed_texts(lines, LISTED)
    assert LISTED in page_lines("\n".join(raws))  # a lone bullet is a line, with no text
    assert LISTED + "Indented item" in page_lines("\n".join(raws))
    assert unlisted(page_lines("\n".join(raws))) == [line.text for line in lines]


_RAW = st.one_of(
    st.sampled_from(["", " ", "•", "• ", "•x", "  •  a  b ", "\t• a", "a\xa0 b", "a\u2028b", "[    ] Name"]),
    st.text(alphabet=st.sampled_from(" \t\xa0•ab.\u3000\x0b"), max_size=12),
)


@given(st.lists(_RAW, max_size=12))
def test_page_lines_are_read_lines_text_whatever_the_spaces_and_bullets(raws: list[str]) -> None:
    """Its quick tests (a line already collapsed once stripped) never give a text `read_line` would not."""
    text = "\n".join(raws)
    lines = [line for raw in text.split("\n") if (line := read_line(raw, "•")) is not BLANK]
    assert page_lines(text) == listed_texts(lines, LISTED)
    assert unlisted(page_lines(text)) == [line.text for line in lines]


def test_many_lines_are_keyed_and_counted_as_one_line_is() -> None:
    pages = [site_page("Daily Planet", n) for n in range(4)]
    texts = page_lines(pages[0])
    assert line_keys(texts) == [line_key(text) for text in texts]
    chrome = index_of(pages).chrome[0]
    assert chrome.counts(texts) == [chrome.count(text) for text in texts] and max(chrome.counts(texts)) == 4


def test_the_chrome_of_a_page_read_into_lines_is_the_chrome_of_its_text() -> None:
    pages = [site_page(site, n) for n in range(4) for site in ("Daily Planet", "Gotham Gazette")]
    index = index_of(pages)
    long = site_page("Gotham Gazette", 9).replace("\n\n", "\n\n\n\n") * 20  # read from its ends by page_frame
    for page in [*pages, long, "a page\nwith nothing in common"]:
        assert index.chrome_for_lines(page_lines(page)) is index.chrome_for(page)
    assert index.chrome_for_lines(page_lines(long)) is index.chrome[1]


def test_the_lines_found_in_many_dumps_are_the_counted_ones_and_keyed_until_all_are_met(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`found_in` remembers the recurring lines it meets: what it answers is what the counts say, page after
    page; once it has met every line that recurs often enough, it keys no text any more."""
    pages = [site_page("Daily Planet", n) for n in range(10)]
    pages[3] += "\nA line of page three only"
    pages[4] = pages[4].replace("Subscribe", "Subscribe now")  # a variant: met in one dump, never recurring
    pickled = pickle.loads(pickle.dumps(index_of(pages).chrome[0]))  # as a worker gets it
    chrome = source_module("builder.extract.generic.chrome")._unpickled(*pickled.__reduce__()[1])  # patchable
    least = 4.0
    for page in [pages[4], *pages, site_page("Daily Planet", 99)]:
        texts = list(dict.fromkeys(page_lines(page)))
        expected = {text: count for text, count in zip(texts, chrome.counts(texts), strict=True) if count >= least}
        assert chrome.found_in(texts, least) == expected
        assert "Contact us" in expected and "A line of page three only" not in expected
    assert chrome.found_in(["Contact us"], 11.0) == {}  # another threshold: met on its own
    monkeypatch.setattr(type(chrome), "counts", lambda *_: pytest.fail("a text was keyed"))
    later = list(dict.fromkeys(page_lines(site_page("Daily Planet", 100) + "\nA new line")))
    assert set(chrome.found_in(later, least)) == {"Daily Planet Home", "• World", "• Business", "• Sport"} | {
        "• Daily Planet Opinion", "Subscribe", "About Daily Planet", "Contact us", "Privacy policy",
        "© 2024 Daily Planet Media. All rights reserved.",
    }  # fmt: skip
