"""Tests of hand_labels.py (not in the package's suite, like test_make_silver.py).

.venv/bin/python -m pytest -q -p no:cacheprovider bench/devdata/test_hand_labels.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hand_labels

PAGE = (
    "<html><body><div>Home | World</div><h1>Kosovo’s future in the Council</h1>"
    "<p>The Council met on Kosovo’s status today, and <a href='#'>reporters</a> waited outside.</p>"
    "<p>It ended with no agreement.</p><div>Comments: great story</div></body></html>"
)
GOLD = (
    "<html><body><div>Home | World</div>"
    '<h1><span class="x-nc-sel1">Kosovo?s future in the Council</span></h1>'
    '<p><span class="x-nc-sel2">The Council met on Kosovo?s status today, and </span>'
    '<a href="#"><span class="x-nc-sel2">reporters</span></a><span class="x-nc-sel2"> waited outside.</span></p>'
    '<p><span class="x-nc-sel2">It ended with no agreement.</span></p>'
    '<div><span class="x-nc-sel5">Comments: great story</span></div></body></html>'
)


def test_labels_take_headline_and_full_text_and_mend_lost_characters(tmp_path: Path) -> None:
    (tmp_path / "gold.txt").write_text(GOLD, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    found = hand_labels.labels(tmp_path / "gold.txt", tmp_path / "page.html")
    assert found["title"] == "Kosovo’s future in the Council"
    assert found["body"] == (
        "The Council met on Kosovo’s status today, and reporters waited outside.\n\nIt ended with no agreement."
    )
    assert found["readerable"] is False  # 17 words


def test_a_lost_character_the_page_does_not_hold_stays() -> None:
    assert hand_labels.repaired("Is it?", "Nothing like it here.") == "Is it?"


def test_pages_sharing_their_header_and_footer_are_one_site() -> None:
    header = "\n".join(f"Menu item number {i}" for i in range(6))
    dumps = {
        "b": header + "\nA story about trams in town.",
        "a": header + "\nA story about buses in town.",
        "c": "Another site entirely\nWith its own lines here\nA story.",
    }
    assert hand_labels.site_groups(dumps, {}) == {"a": "a", "b": "a", "c": "c"}
    # pages of two known domains stay apart however many lines they share; a page of none joins one
    pair = {"a": dumps["a"], "b": dumps["b"], "c": dumps["c"]}
    assert hand_labels.site_groups(pair, {"a": "x.org", "b": "y.org"}) == {"a": "x.org", "b": "y.org", "c": "c"}
    assert hand_labels.site_groups(pair, {"a": "x.org"}) == {"a": "x.org", "b": "x.org", "c": "c"}


def test_main_writes_labels_and_renames_by_site(tmp_path: Path) -> None:
    devset, gold = tmp_path / "set", tmp_path / "gold"
    for sub in ("html", "dumps"):
        (devset / sub).mkdir(parents=True)
    gold.mkdir()
    truth = {}
    for name in ("ffff0000-aaaa", "0000ffff-bbbb"):
        (devset / "html" / f"{name}.html").write_text(PAGE, encoding="utf-8")
        (devset / "dumps" / f"{name}.txt").write_text(f"{name}\nThe Council met.", encoding="utf-8")
        (gold / f"{name}.txt").write_text(GOLD, encoding="utf-8")
        truth[name] = {"title": None, "body": "", "readerable": True, "source": name}
    (devset / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    hand_labels.main([str(gold), str(devset), "--by-site"])
    written = json.loads((devset / "truth.json").read_text(encoding="utf-8"))
    assert list(written) == ["0000ffff-1", "ffff0000-1"]
    assert written["ffff0000-1"]["source"] == "ffff0000-aaaa"
    assert written["ffff0000-1"]["labels"] == "hand: title, body"
    assert (devset / "dumps" / "0000ffff-1.txt").is_file()
    assert not (devset / "dumps" / "0000ffff-bbbb.txt").exists()


def test_text_labels_keep_the_main_text_above_the_comments_and_drop_the_headline(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text(
        "Piers reopen\nBy Ann Lee | July 2, 2012\n\nThe harbour reopened.\n!@#$%^&*()  COMMENTS\nGreat news!\n",
        encoding="utf-8",
    )
    found = hand_labels.text_labels(gold, "Piers  reopen")
    assert found["body"] == "By Ann Lee | July 2, 2012\n\nThe harbour reopened."
    assert hand_labels.text_labels(gold, "Another title")["body"].startswith("Piers reopen\n\n")


def test_text_labels_take_the_first_line_for_the_title_when_it_is_the_headline(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("Piers reopen after  the storm\n\n    Story highlights\nThe harbour reopened.\n", encoding="utf-8")
    found = hand_labels.text_labels(gold, "Piers reopen - Harbour News", title_first=True)
    assert found["title"] == "Piers reopen after the storm"
    assert found["body"] == "Story highlights\n\nThe harbour reopened."
    assert "title" not in hand_labels.text_labels(gold, "Piers reopen - Harbour News")


def test_gold_text_in_utf16_or_windows_1252_is_read() -> None:
    assert hand_labels.decoded("Café – ok".encode("utf-16")) == "Café – ok"
    assert hand_labels.decoded("Café – ok".encode("cp1252")) == "Café – ok"
    assert hand_labels.decoded("Café – ok".encode()) == "Café – ok"


def test_cleaneval_labels_take_the_first_heading_as_title_and_the_other_blocks_as_body(tmp_path: Path) -> None:
    gold = (
        "URL: http://example.com/news/1\n<h>Couple&#039;s mission\n \n<p>Popular bloggers discuss\nworking at home\n\n"
        "<h>A subheading\n<l>an item\n<p>\n"
    )
    (tmp_path / "gold.txt").write_text(gold, encoding="utf-8")
    found = hand_labels.cleaneval_labels(tmp_path / "gold.txt")
    assert found["title"] == "Couple's mission"
    assert found["body"] == "Popular bloggers discuss working at home\n\nA subheading\n\nan item"
    assert found["readerable"] is False


def test_cleaneval_labels_without_a_heading_first_have_no_title(tmp_path: Path) -> None:
    (tmp_path / "gold.txt").write_text("URL: x\n<p>Only a paragraph.\n<h>Then a heading\n", encoding="utf-8")
    found = hand_labels.cleaneval_labels(tmp_path / "gold.txt")
    assert found["title"] is None
    assert found["body"] == "Only a paragraph.\n\nThen a heading"


def test_trafilatura_eval_labels_take_the_hand_made_fields_and_passages() -> None:
    entry = {
        "file": "example.de.page.html",
        "title": "Ein Titel",
        "author": "Jane Doe",
        "date": "2020-01-29",
        "with": ["Der erste Satz."],
        "without": ["Newsletter"],
    }
    found = hand_labels.trafilatura_eval_labels(entry)
    assert found == {
        "title": "Ein Titel",
        "authors": ["Jane Doe"],
        "published": "2020-01-29",
        "with": ["Der erste Satz."],
        "without": ["Newsletter"],
    }
    # "" names no author (a label); a missing key or null leaves the field unlabelled
    assert hand_labels.trafilatura_eval_labels({**entry, "author": "", "date": ""})["authors"] == []
    unlabelled = hand_labels.trafilatura_eval_labels({"with": [], "without": []})
    assert (unlabelled["title"], unlabelled["authors"], unlabelled["published"]) == (None, None, None)
    assert hand_labels.trafilatura_eval_labels({**entry, "author": ["A", "B"]})["authors"] == ["A; B"]


def test_main_puts_trafilatura_eval_labels_on_the_page_of_that_file(tmp_path: Path) -> None:
    devset = tmp_path / "devset"
    (devset / "dumps").mkdir(parents=True)
    silver = {"title": "Silver", "authors": [], "published": None, "body": "b", "readerable": True}
    truth = {
        "page": {**silver, "source": "trafilatura/tests/eval/example.de.page.html"},
        "other": {**silver, "source": "trafilatura/tests/eval/other.html"},
    }
    (devset / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    evaldata = {
        "https://example.de/page": {"file": "example.de.page.html", "title": "Hand", "with": ["b"], "without": []}
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    hand_labels.main([str(tmp_path / "evaldata.json"), str(devset), "--trafilatura-eval"])
    written = json.loads((devset / "truth.json").read_text(encoding="utf-8"))
    assert written["page"]["title"] == "Hand" and written["page"]["with"] == ["b"]
    assert written["page"]["body"] == "b"  # the body stays silver
    assert written["other"] == truth["other"]


def test_cleaneval_tags_indented_in_mid_line_or_in_capitals_open_blocks(tmp_path: Path) -> None:
    """CleanEval's final set indents most tags, puts some in mid-line and a few in capitals, and 75 of its files
    open with a byte-order mark."""
    gold = "\ufeffURL: http://x.org/\n  <h>   Town news\n   <p>  First  paragraph. Figure 2. <p>Caption\n <P>Last"
    (tmp_path / "gold.txt").write_text(gold, encoding="utf-8")
    found = hand_labels.cleaneval_labels(tmp_path / "gold.txt")
    assert found["title"] == "Town news"
    assert found["body"] == "First paragraph. Figure 2.\n\nCaption\n\nLast"
