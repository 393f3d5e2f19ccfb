"""Pages for the tests of the generic reader's region: an article, a sidebar longer than it, a menu, and the
region the reader keeps of a page; comments under an article, each under its head."""

from __future__ import annotations

from builder.extract.generic.chrome import SiteChrome
from builder.extract.generic.ends import cut_at_end
from builder.extract.generic.lists import with_lists
from builder.extract.generic.reader import dump_lines
from builder.extract.generic.region import Scored, score_lines
from builder.extract.generic.runs import best_region
from builder.extract.generic.site_lines import with_corpus
from builder.extract.textdump.lines import BLANK

ARTICLE = [
    "The town council voted on Tuesday to reopen the old swimming pool by the river next summer.",
    "The pool had been closed for six years after a storm damaged its roof and the changing rooms.",
    "Neighbours who had collected signatures for two years were in the hall when the vote was read out.",
    "The work on the roof will start in the autumn and should be finished before the end of the spring.",
]
# A sidebar block longer than the article: it wins the plain best-run search.
SIDEBAR = [
    "Our programme for the coming elections sets out what the party wants to change in the region.",
    "We want every village to have a bus that runs at least once an hour from early in the morning.",
    "We want the schools to stay open in the small towns even when the number of pupils goes down.",
    "We want the hospitals of the region to keep their maternity wards and their emergency rooms open.",
    "We want the farmers who grow food for the region to be paid a fair price for what they grow.",
    "We want the energy of the region to come from the wind and the sun and to be owned by its people.",
    "We want the internet to reach every house of the region with a fast and affordable connection.",
]
MENU = [f"  • {name}" for name in ("Sport", "Weather", "Jobs", "Travel", "Money", "Culture", "Science", "Health")]
COMMENT_FORM = ["Leave a reply", "", "[ ] Name *", "", "[ ] Email *", "", "[ ] Website", "", "[Post comment]"]
# A Japanese article: its sentences end with "。", and its lines hold no spaces.
JA_ARTICLE = [
    "文化庁は１日、アート、エンターテインメント、アニメーション、マンガの４部門で優れた作品を顕彰する今年度のメディア芸術祭賞を発表した。",
    "アート部門はサウンドインスタレーション、アニメーション部門は短編作品、マンガ部門は長編作品が大賞に選ばれた。",
    "贈呈式は６月に東京都内で開かれ、受賞作品は同じ月に都内の会場で展示される予定だという。",
]
LONG_ARTICLE = ARTICLE + SIDEBAR  # enough prose for a head under it to open another article
SEQUEL = [sentence.replace("pool", "library") for sentence in LONG_ARTICLE]


def page(*blocks: list[str]) -> str:
    return "\n\n".join("\n\n".join(block) for block in blocks) + "\n"


def scored(text: str, chrome: SiteChrome | None = None) -> Scored:
    page = score_lines(*dump_lines(text))
    return with_corpus(page, chrome) if chrome is not None else page


def region_text(text: str, chrome: SiteChrome | None = None) -> list[str]:
    """The lines of the region the reader keeps (best run, widened over lists, cut at its end)."""
    found = scored(text, chrome)
    span = best_region(found)
    assert span is not None
    start, stop = cut_at_end(found, *with_lists(found, *span))
    return [line.text for line in found.lines[start:stop] if line is not BLANK]


COMMENTS = [
    "Red Bastard (22 June 2018 @11h13)",
    "I do not think that the pool will ever open again, the roof was the least of its problems.",
    "Anna Berg (22 June 2018 @12h40)",
    "We have waited for this for years and my children will be the first ones in the water.",
    "Tom Hale (23 June 2018 @09h02)",
    "The council should have spent the money on the roads first, they are in a terrible state.",
]
