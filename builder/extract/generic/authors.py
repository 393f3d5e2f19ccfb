"""Where the head finds its authors when none of its lines is a byline: the names on a date line found away from
the head, a byline or a name (or a desk) alone beside the headline or the date, a name over an author card's
"Follow", a byline signing the article at its end, or one alone among its paragraphs. Each search gives the line
and the names it found, or None."""

from __future__ import annotations

from typing import Final, NamedTuple

from builder.extract.generic.byline import (
    byline_names,
    desk_alone,
    is_byline_word,
    is_explicit_byline,
    signed_under_word,
)
from builder.extract.generic.markers import is_end_heading
from builder.extract.generic.names import bare_name
from builder.extract.generic.region import RULE_REPEATED, Scored, following, neighbours, nonblank_above
from builder.extract.generic.relative import is_profile_mark
from builder.extract.generic.words import holds_word

SIGNATURE_LINES: Final = 2  # a byline this close to the article's end (last lines), or...
SIGNATURE_UNDER: Final = 10  # ...this close under it (after a greeting, "Cheers," "fijal", a share bar, tags), signs it
NAME_REPEATS: Final = 3  # an author's name may be printed this many times in the page (the head, the card, its heading)
LISTED_FACTS: Final = 3  # a list item this close under a listed date may be the byline


class Byline(NamedTuple):
    at: int  # the line
    names: list[str]
    bare: bool  # a name alone on its line, no byline's word or date beside it


def name_beside(scored: Scored, page: str, title_at: int | None, date_at: int | None) -> Byline | None:
    """A byline ("By X") or a line that is only a name, right under the headline or beside the date line (or
    over the date's section, one word), is the byline (a date found far under the head brings its byline)."""
    near: list[int] = []
    if title_at is not None:
        near.extend(following(scored, title_at, 2))
    listed = False  # the date is an item of a list of the article's facts: the byline may be another
    if date_at is not None:
        above, below = neighbours(scored, date_at)
        near.extend((above, below))
        section = scored.lines[above].text if above >= 0 else " "
        if " " not in section and not section.endswith(":"):  # "Eric Adams", "Transportation", the date
            near.append(neighbours(scored, above)[0])  # (not a field's label: "Beginn:" over its date)
        listed = scored.lines[date_at].bullet
        if listed:  # "• 25. Juli 2019", "• Isabella Beyer"; "• November 1, 2023", "• 12:30", "• von: Jo Reporter"
            near.extend(following(scored, date_at, LISTED_FACTS))
    for i in near:
        if i < 0 or not _may_name(scored, i) or (scored.lines[i].bullet and not listed) or i == title_at:
            continue
        names = byline_names(scored.lines[i].text)
        if names is not None:
            return Byline(i, names, False)
        name = bare_name(scored.lines[i].text)
        if name is not None and not lowercase_elsewhere(name, page):
            return Byline(i, [name], True)
        desk = desk_alone(scored.lines[i].text)  # "Redaktion" over "Dienstag, 4. Juni 2019, 15:54"
        if desk is not None:
            return Byline(i, [desk], True)
    return None


def on_date_line(scored: Scored, page: str, date_at: int | None) -> Byline | None:
    """The names the article's date line prints beside its date, where the date was found away from the head
    (a blog theme's meta line inside the first paragraphs or under the post: "Dezember 26, 2019 von Andrea
    Kategorien: Allgemein")."""
    if date_at is None:
        return None
    text = scored.lines[date_at].text
    names = byline_names(text)
    if names is None or (not is_explicit_byline(text) and common_words(names, page)):
        return None
    return Byline(date_at, names, False)


def common_words(names: list[str], page: str) -> bool:
    """Whether a "name" of `names` is common words the page prints lower-cased too (`lowercase_elsewhere`): "Case
    Study August 12, 2010" names no one. Asked of names no byline's word opened, before a date."""
    return any(lowercase_elsewhere(name, page) for name in names)


def _may_name(scored: Scored, i: int) -> bool:
    """A line no chrome rule took, or one the page prints a few times only: the author's name over the article
    and again on the author's card under it (a menu or a footer line is printed more often, or on other
    dumps of the site)."""
    rule = scored.chrome_rules.get(i)
    return rule is None or (rule == RULE_REPEATED and scored.seen[scored.lines[i].text] <= NAME_REPEATS)


def signature(scored: Scored, stop: int) -> Byline | None:
    """A byline opened by its word ("Par Jacques Munier", "Von Anna Berg") among the article's last lines or
    right under them: the author signs at the end."""
    for i in [*nonblank_above(scored, stop, SIGNATURE_LINES), *following(scored, stop - 1, SIGNATURE_UNDER)]:
        text = scored.lines[i].text
        if i >= stop and is_end_heading(text, text.count(" ") + 1):
            return None  # a byline under "Related" is a teaser's
        found = _opened_byline(scored, i)
        if found is not None:
            return found
    return None


SIGNED_INSIDE_WORDS: Final = 8  # a byline alone on its line among the paragraphs is this short


def signed_inside(scored: Scored, start: int, stop: int) -> Byline | None:
    """A byline opened by its word alone on its line among the article's paragraphs ("Autor: Petra Ruland", "Par
    Jacques Munier" over a closing section): the article has no other."""
    for i in range(start, stop):
        measured = scored.prose[i]
        if measured is None or measured.words > SIGNED_INSIDE_WORDS:
            continue
        found = _opened_byline(scored, i)
        if found is not None:
            return found
    return None


def _opened_byline(scored: Scored, i: int) -> Byline | None:
    """The byline line i is when a byline's word opens it and names follow, or when it is a byline's word alone
    ("Autor", "Von:") over a line that is only a name (an author's card under the article); a list item never
    is."""
    text = scored.lines[i].text
    if scored.lines[i].bullet:
        return None
    if is_byline_word(text):
        return name_under_word(scored, i, items=False)
    if not is_explicit_byline(text):
        return None
    names = byline_names(text)
    return Byline(i, names, False) if names is not None else None


def name_under_word(scored: Scored, i: int, items: bool = True) -> Byline | None:
    """The name on the line under line i, a byline's word alone on its line ("By" then "David Fear"): a person's or a
    desk's (`signed_under_word`). `items`: whether a list item's line may be it (in the head, a byline's name may be
    printed as a link in a list; an author's card under the article is no list)."""
    under = following(scored, i, 1)
    if not under or (not items and scored.lines[under[0]].bullet):
        return None
    name = signed_under_word(scored.lines[under[0]].text)
    return Byline(under[0], [name], False) if name is not None else None


def profile_card(scored: Scored, checked: list[int], title_at: int | None) -> Byline | None:
    """A name alone (printed once or twice) over "Follow" or "11 min read", in the head: the author's card. The
    page may print the name again (a bio, a card at the end): a line repeated in the page may be the name."""
    for i in checked:
        rule = scored.chrome_rules.get(i)
        if (rule is not None and rule != RULE_REPEATED) or scored.lines[i].bullet or i == title_at:
            continue
        text = scored.lines[i].text
        name = bare_name(text)
        if name is None:
            continue
        after = following(scored, i, 2)
        if after and scored.lines[after[0]].text == text:  # the avatar's alt text, then the name
            after = after[1:]
        if after and is_profile_mark(scored.lines[after[0]].text):
            return Byline(i, [name], True)
    return None


def lowercase_elsewhere(name: str, page: str) -> bool:
    """Whether every word of `name` is printed lower-cased in the page too: common words ("Case Study", "Last
    Modified", "Screen Shot"), not a person's name ("Will Smith": "smith" is rarely printed so), in the
    languages that do not capitalise every noun."""
    words = [word.lower() for word in name.split() if len(word) > 2]
    return bool(words) and all(holds_word(page, word) for word in words)
