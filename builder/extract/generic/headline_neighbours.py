"""What a headline candidate's neighbours say of it: a blank line or a lone sign around it, a section's name closed by
a bar over it, a credit under it (an agency's byline, a photo's), a copy of it under a photo's credit; and a slash
in it that is a path's."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.credits import PHOTO_CREDIT, is_credit_line, is_lone_credit
from builder.extract.generic.dates import is_date_line
from builder.extract.generic.region import Scored, neighbours

_PATH_SLASH: Final = re.compile(r"(?<!\d)/|/(?!\d)")  # a slash with no digit on one side
KICKER_WORDS: Final = 3  # a kicker closed by a bar ("Local News |") has no more words than this
LONE_SIGNS: Final = frozenset("*•·-–—|")  # a line of one of these reads as a blank line around a heading


def path_slash(text: str) -> bool:
    """Whether the line holds a slash that is no fraction's nor count's ("310/365", "24/7"): a path's or a credit's
    ("Home / News", "AFP/Getty")."""
    return "/" in text and _PATH_SLASH.search(text) is not None


def agency_credit_under(scored: Scored, below: int) -> bool:
    """Whether the line under it credits an agency or a desk ("The Associated Press", "Reuters"): the byline
    of a headline over it, which the head reads as no name."""
    return below >= 0 and is_credit_line(scored.lines[below].text)


def credited_copy_above(scored: Scored, above: int, text: str) -> bool:
    """Whether the line over it is a photo agency's credit alone under a copy of it: an image's alt text over its
    credit, then its caption ("Elias Ymer in Madrid", "© Getty Images", "Elias Ymer in Madrid"). (A caption with
    its credit may stand between a headline and its copy.)"""
    if above < 0 or not is_lone_credit(scored.lines[above].text):
        return False
    over = neighbours(scored, above)[0]
    return over >= 0 and scored.lines[over].text == text


def credited_below(scored: Scored, below: int, text: str) -> bool:
    """Whether the line under it repeats it with more after it, a photo credit or, right under it, any words: an
    image's alt text over its caption ("Arnaud Montebourg, minister" then "Arnaud Montebourg, minister Crédits
    photo : ...", "Taylor Kinney and Lady Gaga" then "Taylor Kinney and Lady Gaga arrive at ...")."""
    if below < 0:
        return False
    under = scored.lines[below].text
    if is_lone_credit(under):
        # "AP", "Getty Images" alone under it: an image's title over its credit; over a date, a headline over its
        # agency's byline ("Reuters", then "Published: Sunday, December 30, 2007")
        after = neighbours(scored, below)[1]
        return after < 0 or not is_date_line(scored.lines[after].text)
    if len(under) <= len(text) or not under.startswith(text):
        return False
    return PHOTO_CREDIT.search(under, len(text)) is not None or scored.prose[below - 1] is not None


def pipe_kicker(scored: Scored, i: int) -> bool:
    """A section's name over the headline, closed by the bar a text browser prints after its link ("Local News |"),
    set apart above: it stands between the headline and the blank line above it."""
    if i < 1 or scored.prose[i] is None or not blank(scored, i - 1):
        return False
    text = scored.lines[i].text
    return text.endswith(" |") and text.count(" ") <= KICKER_WORDS


def blank(scored: Scored, i: int) -> bool:
    """A blank line, or a sign alone ("*": an empty list item), which sets a heading apart as a blank line does.
    (A rule, "━━━━", parts a menu from the next one as often.)"""
    if not 0 <= i < len(scored.prose):
        return i < 0 and scored.first_own
    return scored.prose[i] is None or scored.lines[i].text in LONE_SIGNS
