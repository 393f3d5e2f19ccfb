"""Which lines of a page may be its headline: a line of prose of one to TITLE_MAX_WORDS words that no rule
calls something else (a bullet, chrome, an image's name, an item of a numbered list, a caption's label, a tag
list, a breadcrumb, a label of the article's end, a handle or menu, a paragraph's line wrapping on the next,
a byline or a date). headline.py weighs those that are; `never_headline` rules out the few best of them that no
score may make the headline (a credit, a video's title, a wiki's section heading); `name_over_meta` tells one
sign of a headline under it, an author's name alone over the date.
"""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.byline import (
    byline_names,
    is_capitalised_byline,
    is_explicit_byline,
)
from builder.extract.generic.clock import time_alone
from builder.extract.generic.credits import is_credit_line
from builder.extract.generic.dates import find_date, is_date_line
from builder.extract.generic.digits import holds_digit
from builder.extract.generic.ends import COPYRIGHT_OPENINGS, is_copyright_notice
from builder.extract.generic.markers import (
    ITEM_NUMBER,
    MENU_STOP_SHARE,
    is_caption_label,
    is_comment_count,
    is_comments_link,
    is_doubled,
    is_end_heading,
    is_glued_menu,
    is_handle_or_menu,
    is_image_file,
)
from builder.extract.generic.names import bare_name
from builder.extract.generic.recipes import is_recipe_fact, is_section_name
from builder.extract.generic.region import Scored, following, holds_letter, neighbours
from builder.extract.generic.relative import is_reading_time, is_relative_date_line
from builder.extract.generic.tags import tag_label
from builder.extract.generic.toolbars import is_toolbar
from builder.extract.generic.words import STOP_WORDS, share_of, stop_share

TITLE_MAX_WORDS: Final = 30
NAME_OVER_META: Final = 3  # a name alone is an author's over a byline or date line this many lines down at most
BETWEEN_NAME_AND_META: Final = 6  # ...with no line of prose of more words between them
_CLOCK: Final = re.compile(r"\d:\d\d")  # a time, which a line with no date may hold ("posted 8:58 am Tue")
# A paragraph's line that wraps on the next one is this long (a headline's next line is its byline)
WRAPPED_WORDS: Final = 8
WRAPPED_FROM_WORDS: Final = 3  # a line a paragraph wraps from has this many words at least (a label has fewer)
WRAPPED_STOP_SHARE: Final = 0.15  # the line it wraps on has this share of stop words at least
_IMAGE_ALT: Final = re.compile(r"\[[^\]]*\]")  # "* * [pxl_trans]": an image's name in brackets among signs is no words
REPEATED: Final = "repeated in the"  # the start of the rules of a line the page or the site's other dumps repeat
FULL_STOPS: Final = (".", "。", "．")
_CLAUSE_ENDS: Final = (*FULL_STOPS, ":", "!", "?")
# A dateline alone on its line, its dash leading into the lead ("LAS VEGAS--(BUSINESS WIRE)--", "WASHINGTON —")
_DATELINE_ENDS: Final = ("--", "—", "–")
# "Powered by Google", "Powered by WordPress": a search box's or a blog engine's credit. (Opening the line only:
# "A Text-only Browser Powered by Google Scripts" is a headline.)
_POWERED_BY: Final = re.compile(r"powered by\b", re.IGNORECASE)
# A photo's credit with no colon, opening its line ("Photos by Eirik in", a blog post's under its date)
_CREDIT_OPENINGS: Final = ("Photo by ", "Photos by ", "Photography by ", "Foto von ", "Fotos von ")
# ...those, an attribution under a quote or a writer's note ("– Assistant Professor of Computer Science, …"), a
# contact's line: one test of a line's opening
_NO_HEADLINE_OPENINGS: Final = (*_CREDIT_OPENINGS, "– ", "— ", "Tel:", "Tel.:", "Phone:", "Fax:", "Telefon:")
# A video's label and length ("VIDEO 3:49", "Video: 2:15", "Watch 1:02"; a text browser may print the length twice,
# glued: "VIDEO3:4903:49"): the line under it is the video's title, not the article's headline
_VIDEO_LENGTH: Final = re.compile(r"(?i)(?:video|watch)\s*:?\s*\d{1,2}:\d\d(?:\d{1,2}:\d\d)?")
_RADIO_BUTTONS: Final = ("( ) ", "(*) ")  # a poll's answers, as a text browser prints its radio buttons
# A wiki's section heading, with its edit link as a text browser prints it ("History[edit]", "Geschichte[Bearbeiten
# | Quelltext bearbeiten]"): a heading inside the page, never its headline
_SECTION_EDIT_LINK: Final = re.compile(
    r"\[(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|editar código-fonte|"
    r"modifica|modifica wikitesto|bewerken|brontekst bewerken|править|править код|編集|编辑|編輯)"
    r"(?:\s*\|\s*[^\]]*)?\]$",
    re.IGNORECASE,
)
# A formula's TeX source, which a page prints as the alt text of its rendering ("{\displaystyle A=A^{H}}")
_TEX_COMMAND: Final = re.compile(r"\\(?:displaystyle|textstyle|frac|mathrm|mathsf|mathbf|operatorname|left|right)\b")


# The label of a path to the page ("You are here: About>Autos>Cars"), in the common languages
_HERE: Final = re.compile(
    r"(?:you are here|sie sind hier|vous êtes ici|usted está aquí|você está aqui|sei qui|u bent hier)\b", re.I
)
_QUOTE_PAIRS: Final = ("»«", "«»")  # a quote's opening and closing guillemets, German and French
QUOTED_LINE_WORDS: Final = 3
_HERE_OPENINGS: Final = "YySsVvUu"  # what `_HERE` may match first: most lines, with no regex


CATEGORY_LIST_ITEMS: Final = 3  # a line of this many short names or more, parted by commas, lists categories...
CATEGORY_WORDS: Final = 3  # ...each of at most this many words ("&" counts for none)
_NO_CATEGORY_SIGN: Final = re.compile(r"[\d'’:;!?.]")  # a number, a possessive, a sentence's sign: no category list


def is_category_list(text: str) -> bool:
    """A line that only lists the article's categories or tags, unlabelled ("Forschung, Projekte, Sprachpunkt",
    "Corona & die Folgen, Debatte, Deutschland, Politik"): no headline. A headline listing
    things tells of them ("Bikes, boats and trains: …"), or its items are longer."""
    commas = text.count(",")
    if commas < CATEGORY_LIST_ITEMS - 1 or text.count(" ") > (CATEGORY_WORDS + 1) * (commas + 1):
        return False  # most lines: no list, or more words than its items hold (a sentence's clauses)
    items = [part.strip() for part in text.split(",")]
    if not all(item[:1].isupper() and len(item.replace(" & ", " ").split()) <= CATEGORY_WORDS for item in items):
        return False
    return _NO_CATEGORY_SIGN.search(text) is None


def is_breadcrumb(text: str) -> bool:
    """ "Home > News > Headline", "Section >", "« Previous", "Travel » Asia", "← previous post", "You are here: Autos": the path
    to the page, or paging links. Guillemets in pairs inside the line quote words (French «assume», German »Zitat«),
    as a headline does, or the whole headline is one quote (`_quoted_line`)."""
    if " > " in text or " › " in text or "←" in text or "→" in text or text.endswith((" >", " ›")):
        return True  # a path's steps, or its last step over the page's own name ("ITmedia PC USER >")
    if text[:1] in _HERE_OPENINGS and _HERE.match(text) is not None:
        return True
    opening = text.count("«")
    if opening == 0 and "»" not in text:
        return False
    if opening != text.count("»"):
        return True
    return text[0] in "«»" and text[-1] in "«»" and not _quoted_line(text)


def _quoted_line(text: str) -> bool:
    """Whether the whole line is one quote, as a headline may be (»Einfach kein Geld mehr«, «Wir waren fast 40
    Tage in Quarantäne»): one pair of guillemets, German or French, around three words or more. Paging links
    put their marks around two words ("« Previous Next »") or parted links ("« Older | Main | Newer »")."""
    return (
        text.count("«") == 1
        and text[0] + text[-1] in _QUOTE_PAIRS
        and "|" not in text
        and len(text[1:-1].split()) >= QUOTED_LINE_WORDS
    )


def is_headline(scored: Scored, i: int, checked: set[int], meta: set[int]) -> bool:
    line, prose = scored.lines[i], scored.prose[i]
    if prose is None or line.bullet or (i in scored.chrome_rules and not scored.chrome_rules[i].startswith(REPEATED)):
        return False
    text = line.text
    if not 1 <= prose.words <= TITLE_MAX_WORDS or is_image_file(text) or text.startswith("["):
        return False
    if not any(c.isalnum() for c in _IMAGE_ALT.sub("", text)) or (text[0].isdigit() and _in_numbered_list(scored, i)):
        return False
    if is_caption_label(text) or tag_label(text) is not None or is_breadcrumb(text) or is_doubled(text):
        return False
    if is_category_list(text):
        return False
    if is_end_heading(text, prose.words) or is_handle_or_menu(text, prose.words) or text.endswith(_DATELINE_ENDS):
        return False
    if _wraps_on(scored, i) or _wrapped_from(scored, i):
        return False
    if _dated_byline(text):
        return False
    if i in checked:  # the head has read the line for a byline or date: those are in `meta`
        return i not in meta
    return not (byline_names(text) or is_date_line(text))


def _dated_byline(text: str) -> bool:
    """A line opened by a byline's word and holding a date, whose names the byline's reading could not tell ("By
    Ann Lee Google+ Profile for Ann Lee • Nov 6, 2012 • New York City"): a byline still, no headline."""
    return is_explicit_byline(text) and holds_digit(text) and find_date(text) is not None


def _wraps_on(scored: Scored, i: int) -> bool:
    """A paragraph's line that wraps on the next one: that line, right under it, goes on in small letters ("The
    striker has not played since October because of injuries to", "both his leg and knee but ...")."""
    under, prose = i + 1, scored.prose[i]
    if prose is None or prose.words < WRAPPED_WORDS or under >= len(scored.prose) or scored.prose[under] is None:
        return False
    text, next_text = scored.lines[i].text, scored.lines[under].text
    if (
        scored.lines[under].bullet
        or scored.scores[under] <= 0.0
        or not (next_text[0].isalpha() and next_text[0].islower())
    ):
        return False  # the line under must read as prose: a glued menu may start small ("printable versionbigger text")
    # a byline or date line may start small ("by Tameka Kee, Friday, ...", "posted 8:58 am ...")
    return not text.endswith(_CLAUSE_ENDS) and byline_names(next_text) is None and not holds_digit(next_text)


def _wrapped_from(scored: Scored, i: int) -> bool:
    """A line of a paragraph wrapped in a narrow column, the line under it going on in small letters ("You are
    fully responsible for", then "the content that you post."), or that line: either is a headline's length."""
    return _wrapped_pair(scored, i - 1, i) or _wrapped_pair(scored, i, i + 1)


def _wrapped_pair(scored: Scored, above: int, below: int) -> bool:
    """Whether line `below` goes on from line `above`: it opens in small letters (a headline opening with a brand
    in small letters, "iPhone sales slow", has a capital next), is no byline, date or time ("by Ann Lee", "posted
    8:58 am") and holds stop words as prose does (a glued menu may open small: "printable versionbigger text"),
    under a line of a few words that stops mid-sentence (a label has fewer words)."""
    if above < 0 or below >= len(scored.lines) or scored.prose[below] is None:
        return False
    text = scored.lines[below].text
    if not (text[:2].isalpha() and text[:2].islower()):
        return False
    measured, over = scored.prose[above], scored.lines[above]
    if measured is None or over.bullet or measured.words < WRAPPED_FROM_WORDS:
        return False
    end = over.text[-1]
    if end != "," and not (end.isalpha() and end.islower()):
        return False
    # the costly tests last, for the few pairs left
    if stop_share(text) < WRAPPED_STOP_SHARE or _CLOCK.search(text) is not None or find_date(text) is not None:
        return False
    return byline_names(text) is None


def _in_numbered_list(scored: Scored, i: int) -> bool:
    """ "1. Couple stalls inquiry", "2. ..." : an item of a ranked list (most read), not a headline."""
    if ITEM_NUMBER.match(scored.lines[i].text) is None:
        return False
    return any(k >= 0 and ITEM_NUMBER.match(scored.lines[k].text) is not None for k in neighbours(scored, i))


def under_end_heading(scored: Scored, i: int, meta: set[int]) -> bool:
    """A line under "Comments", "Related": a link or a count, not the headline; unless a byline or date is
    right under it (a comment count's link in the head over the headline: "Comments", then the headline, then
    "Posted by Max Fisher on October 29, 2012"). "comments" in lower case is a link to them, as a head prints it;
    a menu's item ("• Comment is free") heads nothing."""
    above, below = neighbours(scored, i)
    prose = scored.prose[above] if above >= 0 else None
    if prose is None or below in meta or scored.lines[above].bullet:
        return False
    text = scored.lines[above].text
    return is_end_heading(text, prose.words) and not is_comments_link(text)


def never_headline(scored: Scored, i: int) -> bool:
    """Whether the line is never the headline, whatever its score (asked of the few best candidates only): a byline
    whose names the byline rules do not take ("By Smart Shopping Team"), an agency's or a desk's credit, menu links
    glued together, a search box's or blog engine's credit, a relative date or a time alone, a video's title, a wiki's section
    heading, a formula, a poll's question, a reading time, a comment count (`is_count_line`), a copyright notice
    ("© 1994-2020 Wordsmith"), a photo's credit with no colon ("Photos by Eirik in", a blog post's under its date), a bar of buttons ("Print Email Comment
    Bookmark Text", its capitals a headline's), a recipe's section ("Zutaten", over the ingredients) or fact
    ("Zubereitungszeit: 25 Minuten"), a line opening
    in mid-sentence ("a Somali woman smiles as she poses for a photo"), an attribution opened by a dash ("– Assistant
    Professor of …"), a contact's line ("Tel: +81 3 5561 7755"), a line with no letter ("18/18"), a template's
    placeholders."""
    text = scored.lines[i].text
    return (
        text.startswith(_NO_HEADLINE_OPENINGS)
        or not (text[:1].isalpha() or holds_letter(text))  # most lines open with a letter: no search
        or "{{" in text  # a template's placeholders the page's script never filled ("{{article.pretty_date}}")
        or _opens_mid_sentence(text)
        or is_section_name(text)
        or is_recipe_fact(text)
        or is_glued_menu(text)
        or is_capitalised_byline(text)
        or is_credit_line(text)
        or _POWERED_BY.match(text) is not None
        or _under_video_length(scored, i)
        or _SECTION_EDIT_LINK.search(text) is not None
        or _TEX_COMMAND.search(text) is not None
        or _asks_poll(scored, i)
        or is_relative_date_line(text)
        or time_alone(text) is not None
        or is_reading_time(text)
        or is_count_line(text)
        or (text[:1] in COPYRIGHT_OPENINGS and is_copyright_notice(text))
        or is_toolbar(text, len(text.split()))
    )


def is_count_line(text: str) -> bool:
    """A comment count opened by its number or by "New" ("27 Comments", "New, 119 comments"), as a headline's
    neighbour prints it: the count's full test (`is_comment_count`) asked only of lines opening so."""
    return (text[:1].isdigit() or text.startswith("New")) and is_comment_count(text)


def _opens_mid_sentence(text: str) -> bool:
    """A line whose first word is a common word in small letters ("a Somali woman smiles as she poses", "in Szene
    Gesetztes", "für das Rezept Bienenstich-Muffins"): the end of a caption or a sentence broken off, not a
    headline. A brand's name in small letters ("iPhone 14: ...", "zenhabits") is no common word."""
    first = text.split(" ", 1)[0]
    return first.isalpha() and first.islower() and first in STOP_WORDS


def _asks_poll(scored: Scored, i: int) -> bool:
    """A poll's question, its answers under it as a text browser prints radio buttons ("( ) Yes", "(*) No")."""
    under = following(scored, i, 1)
    return bool(under) and scored.lines[under[0]].text.startswith(_RADIO_BUTTONS)


def _under_video_length(scored: Scored, i: int) -> bool:
    above = neighbours(scored, i)[0]
    return above >= 0 and _VIDEO_LENGTH.fullmatch(scored.lines[above].text) is not None


def name_over_meta(scored: Scored, below: int, meta: set[int]) -> bool:
    """Whether the line under it is a name alone with a byline or date line right under it ("Vincent Vallet",
    "Follow", "Oct 18, 2019 · 8 min read"): the author's name, which the head reads only once the headline is
    known."""
    if below < 0 or bare_name(scored.lines[below].text) is None:
        return False
    for i in following(scored, below, NAME_OVER_META):
        if i in meta:
            return True
        if _reads_as_prose(scored, i):
            return False  # a blog's name over its tagline ("Real Time Brussels", "Insight and analysis from ...")
    return False


def _reads_as_prose(scored: Scored, i: int) -> bool:
    """More words than a name's neighbours have ("Follow", "Staff Writer"), as many stop words as prose has:
    no toolbar ("Print Increase font size Decrease font size | Rate It")."""
    prose = scored.prose[i]
    text = scored.lines[i].text
    return prose is not None and prose.words > BETWEEN_NAME_AND_META and share_of(prose, text) >= MENU_STOP_SHARE
