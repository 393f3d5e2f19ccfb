"""Lines that say what follows them: the article's end ("Related", "Comments"), a tag list ("Tags:"),
an image (its file name or a "Photo:" caption)."""

from __future__ import annotations

import json
import re
from typing import Final

from builder.extract.generic import DATA_DIR
from builder.extract.generic.digits import holds_digit
from builder.extract.generic.words import stop_share

# The rules of image lines, read back by the assembler: a file name or an alt text opens an image.
RULE_IMAGE: Final = "an image (its file name)"
RULE_ALT: Final = "an image's alt text (in brackets)"
RULE_CAPTION: Final = "an image's caption"

# Headings that say the article is over (headings.json): a comment section's, after which the article never goes
# on however long the comments are, and the others that open the chrome after it ("Related", "Read more"), which
# may open a box with more of the article under it. Lower-cased, compared with a line's start (short lines only).
_HEADINGS: Final = json.loads((DATA_DIR / "headings.json").read_text(encoding="utf-8"))
COMMENT_HEADINGS: Final[tuple[str, ...]] = tuple(_HEADINGS["comment"])
END_HEADINGS: Final[tuple[str, ...]] = (*_HEADINGS["end"], *COMMENT_HEADINGS)

MAX_END_WORDS: Final = 6
# A name-and-date line (a byline, a date line, a comment's head) is no longer than this, in words and characters.
META_WORDS: Final = 16
META_CHARS: Final = 80
# A comment section's heading may run longer than an end heading, up to this many words: "Comments are now
# closed for this story", "Post a Comment 106 Comments and 18 Replies".
COMMENT_HEADING_WORDS: Final = 10
_COMMENTS_CLOSED: Final = re.compile(
    r"(?:comments|commenting) (?:are|is|has been|have been) (?:now )?closed\b", re.IGNORECASE
)
ARROWS: Final = ("»", "›")  # the arrows of a link to another page ("Next post »")
LINK_ARROWS: Final = (*ARROWS, ">>")  # a short line ending in one links to other pages of the site
# The words a site marks an advertisement's place in its article with, in the common languages (a regular expression's
# alternatives; `site_lines` finds them in a site's recurring lines, `boilerplate` as a line of their own)
AD_WORDS: Final = r"advertisements?|advertising|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|реклама"
AD_MARK_WORDS: Final = 5  # such a mark is this short ("Story continues below advertisement")
HEADING_MARKS: Final = "【[(「『■●▶►>#*- "  # what a heading may open with before its words: "【関連記事】", "■ Related"
COMMENT_LINKS: Final = frozenset(
    ["leave a comment", "leave a reply", "hinterlasse einen kommentar", "schreibe einen kommentar", "kommentar hinterlassen",
     "laisser un commentaire", "deja un comentario", "lascia un commento"]
)  # fmt: skip
# A newsletter's or a subscription's prompt is a line this short; a sentence this long that ends as one is prose
LABEL_WORDS: Final = 4  # a label over a list or a recipe's part ("Zutaten:", "Directions:") is no longer than this
SIGNUP_WORDS: Final = 12
SIGNUP_SENTENCE_WORDS: Final = 4
_SIGNUP: Final = re.compile(
    r"\b(?:[Nn]ewsletters?|NEWSLETTERS?|[Ss]ign up|SIGN UP|[Ss]ubscribe|SUBSCRIBE|[Aa]bonnieren|[Ii]nscrivez|[Ss]uscr[ií]bete)\b"
)
_SIGNUP_PARTS: Final = ("newsletter", "sign up", "subscribe", "abonnieren", "inscrivez", "suscr")  # its words, lowered
# "(Ellen M. Banner / The Seattle Times)": a photographer's name and whom it works for, one of them two words or more
_NAMED_CREDIT: Final = re.compile(
    r"\((?=[^/]* [^/]*/|[^/]*/[^/]* )[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?/ ?(?:The )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}\)"
)
_FILE_PHOTO: Final = ("FILE - ", "FILE – ", "FILE — ", "FILE PHOTO")  # an agency's archive photo, captioned
_AGENCY: Final = re.compile(r"\b(?:AP|AFP|EPA|Reuters|REUTERS|dpa|DPA|Bloomberg|Xinhua|Shutterstock)\b")
_IMAGE_FILE: Final = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?", re.IGNORECASE)
_CAPTION_LABEL: Final = re.compile(
    # "Photo gallery: …", "Photo Call: …" are headlines ("Photo credit: …", "Image source: …" are captions)
    r"(?:Media caption|Image caption|Caption|Photograph|Photo|Foto|Bild|Image|Imagen|Immagine|Фото|写真|图)"
    r"(?:\s*[:：]\s+|\s+(?!(?i:galler(?:y|ies)|galerie|galería|essay|finish|call)[:：]\s))\S"
    # a numbered figure: "Figure 3: …", "Abb. 2 …", "図1 …"
    r"|(?:Figure|Fig\.|Abbildung|Abb\.|図|图)\s*\d{1,2}\s*[:：.]?\s*\S",
)


# A comment count: "27 commentaires", "3 Comments", "36 Kommentare", "See all 104 Comments", "New, 119 comments".
COUNT_INVITE_CHARS: Final = 60  # "{ 18 comments… read them below or add one }"
_COMMENT_COUNT: Final = re.compile(
    r"(?:(?:see|view|show|read)\s+all\s+|new,?\s+)?(?:\d+|(?:one|ein|eine|un|une|uno|una|no|keine)\b)\s+(?:comments?|kommentare?|commentaires?|réactions?|comentarios?|comentários?|commenti|reacties|"
    r"комментари\w*|responses?|replies|antworten|réponses?|respuestas?)\b",
    re.IGNORECASE,
)


# A comment count over the comments, naming the article: "9 comments to Roomba", "One thought on “Roomba”"
# (a blog's default heading), "3 Kommentare zu „Roomba“".
_COMMENTS_ON: Final = re.compile(
    r"(?:\d+|one|no|ein|eine|un|une|uno|una|um|uma)\s+(?:[^\W\d_]+\s+)??(?:comments?|responses?|thoughts?|replies|reply|"
    r"kommentare?|antworten|gedanken|commentaires?|réponses?|réactions?|comentarios?|respuestas?|comentários?|"
    r"respostas?|commenti|risposte|reacties)\s+(?:to|on|for|zu|auf|für|à|sur|pour|a|en|para|em|sobre|su|op)\s+\S",
    re.IGNORECASE,
)
COMMENTS_ON_CHARS: Final = 200


# A blog theme's meta line ends with its comments' count or the link to them, its categories may follow the count:
# "Helmut Rubik 0", "Alexander Roll 1 Kommentar Inklusion, Kapitalismus", "karstenruppert Schreibe einen Kommentar";
# the link's label may stand before its count ("Frau Sabienes Kommentare 4 Kommentare").
_COMMENTS_MARK: Final = re.compile(
    r"\s+(?:(?:comments?|kommentare?|commentaires?|comentarios?)\s+)?"
    rf"(?:\d+$|{_COMMENT_COUNT.pattern}|{'|'.join(map(re.escape, COMMENT_LINKS))})",
    re.IGNORECASE,
)


def comments_mark(text: str) -> int | None:
    """Where a meta line's count of comments, or its link to them, starts; None when it holds neither."""
    found = _COMMENTS_MARK.search(text)
    return None if found is None else found.start()


def is_comment_count(text: str) -> bool:
    """A count of the comments alone ("27 comments", "[3 Kommentare]"), or opening an invitation to read them
    ("{ 18 comments… read them below or add one }"), or naming the article (`is_comments_on`)."""
    if len(text) <= COUNT_INVITE_CHARS:
        bare = text.strip(" ()[]{}:")
        count = _COMMENT_COUNT.match(bare)
        if count is not None and (count.end() == len(bare) or _is_invitation(bare[count.end() :])):
            return True
    return is_comments_on(text)


def ends_with_comment_count(text: str) -> bool:
    """Whether the text ends with a count of comments ("Tweet Comment 52 comments", "Comment4 Comments")."""
    bare = text.rstrip(" »)]}:")
    return any(count.end() == len(bare) for count in _COMMENT_COUNT.finditer(bare))


_INVITATION: Final = re.compile(
    r"\s*[|·•–—-]?\s*(?:leave|add|post|write|submit|join)\s+(?:a|your|the)?\s*(?:comment|reply|response|discussion)",
    re.IGNORECASE,
)


def _is_invitation(rest: str) -> bool:
    """Whether what follows a comment count invites to read or add one ("… read them below", "Leave a comment")."""
    return rest.startswith(("…", "...")) or _INVITATION.match(rest) is not None


def is_comments_on(text: str) -> bool:
    """A comment count naming the article ("One thought on “Roomba”", "8 appreciated comments on “...”"); not a
    sentence of the article that opens so ("One response to the flood was a new dam.")."""
    return (
        len(text) <= COMMENTS_ON_CHARS
        and _COMMENTS_ON.match(text) is not None
        and not text.endswith((".", "!", "?", "。"))
    )


class _Openings:
    """Headings as whole words at a line's start: "Comments (3)" but not "Commentary on Python 3". Scripts
    written without spaces ("関連記事一覧") need no word end."""

    def __init__(self, headings: tuple[str, ...]) -> None:
        spaced = sorted((re.escape(h) for h in headings if not _UNSPACED.search(h)), key=len, reverse=True)
        unspaced = sorted((re.escape(h) for h in headings if _UNSPACED.search(h)), key=len, reverse=True)
        self.pattern = re.compile(rf"(?:{'|'.join(spaced)})(?![^\W\d_])|(?:{'|'.join(unspaced)})")
        self.prefixes = frozenset(h[:2] for h in headings)  # a heading of one character is its own

    def match(self, lowered: str) -> re.Match[str] | None:
        """The heading that opens the (lower-cased) line, if any. A line whose first two characters open no
        heading is told without the pattern, which tries its headings one after the other."""
        opens = lowered[:2] in self.prefixes or lowered[:1] in self.prefixes
        return self.pattern.match(lowered) if opens else None


_UNSPACED: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_END_OPENING: Final = _Openings(END_HEADINGS)
_COMMENT_OPENING: Final = _Openings(COMMENT_HEADINGS)


def is_comment_heading(text: str) -> bool:
    return _COMMENT_OPENING.match(text.lower()) is not None


def is_comment_section_heading(text: str) -> bool:
    """A comment heading that titles the comments; "comments" in lower case is a link to them."""
    return is_comment_heading(text) and not text.islower()


def is_comments_link(text: str) -> bool:
    """ "comments" in lower case: a link to them (a head prints one over the headline), no heading."""
    return text.islower() and is_comment_heading(text)


# Headings that name the site (or the web) as where the links under them go: "Related" alone may head a box of
# the article's own links, "Related on HuffPost:" never does.
_ELSEWHERE_OPENINGS: Final = ("also on ", "related on ", "elsewhere on ", "more from ")
# A link to the article's next page ("next page ›", "Nächste Seite"): the article goes on there, not here.
_NEXT_PAGE: Final = ("next page", "nächste seite", "page suivante", "página siguiente", "pagina successiva")
_ELSEWHERE_REACH: Final = max(map(len, (*_ELSEWHERE_OPENINGS, *_NEXT_PAGE)))


# A button that shows a text the page hides under the article: a press release the article quotes, whose words are
# the company's, not the article's.
_HIDDEN_TEXT_BUTTONS: Final = ("show full pr text", "show full press release")
HIDDEN_TEXT_CHARS: Final = max(map(len, _HIDDEN_TEXT_BUTTONS))


def points_elsewhere(text: str, after_enough: bool) -> bool:
    """Whether a short line under the article's prose ends it: "Show full PR text" over a press release, however
    little prose is above it (a short news item over the release it quotes); a line pointing elsewhere
    (`is_elsewhere_heading`) `after_enough` of it."""
    if len(text) <= HIDDEN_TEXT_CHARS and text.lower() in _HIDDEN_TEXT_BUTTONS:
        return True
    return after_enough and is_elsewhere_heading(text)


def is_elsewhere_heading(text: str) -> bool:
    """ "Also on HuffPost:", "Related on HuffPost:", "Elsewhere on SFGate", "More from WIRED", "More Manitoba
    headlines »", "Next page ›": the site's other pages (or the web's, or the article's next), under the article
    (a link to them, its arrow at the line's end); never a box inside it, however much prose (a gallery's
    captions, teasers) follows. A word in guillemets ("More « boîtes noires »") is a quotation."""
    lowered = text[:_ELSEWHERE_REACH].lower()
    if lowered.startswith(_NEXT_PAGE):
        return True
    if text.endswith(LINK_ARROWS):
        return lowered[:5] == "more " and "«" not in text and "‹" not in text
    return lowered.startswith(_ELSEWHERE_OPENINGS)


def is_end_heading(text: str, words: int) -> bool:
    """Whether a short line opens the chrome after the article ("Related articles", "Comments (12)"); a longer
    one may, when it says that the comments are closed ("Comments are now closed for this story") or opens
    them with their count ("Post a Comment 106 Comments and 18 Replies")."""
    if words > MAX_END_WORDS:
        return words <= COMMENT_HEADING_WORDS and _is_long_comment_heading(text)
    return _END_OPENING.match(text.lower().lstrip(HEADING_MARKS)) is not None


def _is_long_comment_heading(text: str) -> bool:
    if text[:1] in "Cc" and _COMMENTS_CLOSED.match(text) is not None:
        return True
    if not holds_digit(text):  # no count: most long lines are settled here, before lower-casing them
        return False
    opening = _COMMENT_OPENING.match(text.lower())  # its count right after it: "Post a Comment 106 Comments"
    return opening is not None and _COMMENT_COUNT.match(text[opening.end() :].lstrip(" :(|")) is not None


def is_label(text: str, words: int) -> bool:
    """A label over a list or a part of the page: a short line ending with a colon ("Zutaten:", "For the dough:")."""
    return words <= LABEL_WORDS and text.endswith(":")


RULE_SIGNS: Final = 3  # a horizontal rule is at least this long
CREDIT_WORDS: Final = 6  # a photo's credit after its caption ("SIA/EFAK/YPPOA", "Getty Images / AFP")


def is_rule_line(text: str) -> bool:
    """A horizontal rule drawn in text: one sign (no letter, no digit) three times or more, maybe spaced
    ("━━━━━━", "-----", "* * *"): it parts the page and reads as nothing (a language detector takes it
    for English)."""
    # The first sign is the rule's, or the line is none: most lines fail at it, before the line is read.
    if len(text) < RULE_SIGNS or text[0].isalnum() or text[0] == " ":
        return False
    return not text.strip(text[0] + " ")


def is_doubled(text: str) -> bool:
    """One text twice, glued ("Firefox Developer EditionFirefox Developer Edition": a linked image's alt text
    beside its link's text, as the renderer prints them) or with a space between ("A caption. A caption.": an
    image's caption and its copy hidden for another screen)."""
    half = len(text) // 2
    if len(text) % 2:
        return len(text) >= 9 and text[half] == " " and text[:half] == text[half + 1 :]
    return len(text) >= 8 and text[:half] == text[half:]


ITEM_NUMBER: Final = re.compile(r"\d{1,2}[.)]\s")  # an item's number opening a line ("1. ", "2) ")


def is_doubled_item(text: str) -> bool:
    """A numbered item whose text is printed twice ("1. Save $300 on a laptop Save $300 on a laptop"): a list of
    the site's stories, each a linked image's alt text beside its link's text."""
    number = ITEM_NUMBER.match(text)
    return number is not None and is_doubled(text[number.end() :])


def undoubled(text: str) -> str:
    """The text once: the first half of a text printed twice (`is_doubled`), else the text itself."""
    return text[: len(text) // 2] if is_doubled(text) else text


def is_alt_over_caption(text: str, under: str) -> bool:
    """Whether the line under `text` prints it again with a few words after it: an image's alt text over its
    caption and credit ("The acropolis from the air." then "The acropolis from the air. SIA/EFAK"). The alt
    text may be printed twice, glued (a linked image's alt beside its link's text)."""
    if len(text) >= 2 * len(under):  # most lines: the one under is blank or no longer
        return False
    text = undoubled(text)
    return len(under) > len(text) and under.startswith(text) and len(under[len(text) :].split()) <= CREDIT_WORDS


def is_image_file(text: str) -> bool:
    """w3m prints an image with no alt text as its file name."""
    return " " not in text and _IMAGE_FILE.fullmatch(text) is not None


def is_signup_prompt(text: str, words: int, sentence: bool) -> bool:
    """A short line inviting to a newsletter or a subscription ("SIGN UP FOR OUR NEWSLETTER", "Subscribe now",
    "Newsletter abonnieren") that a page puts between an article's paragraphs. A sentence of four words or
    more is the article's own ("Space is limited, so sign up today!"); a shorter one ("Sign up now!") is none."""
    if words > SIGNUP_WORDS or (sentence and words >= SIGNUP_SENTENCE_WORDS):
        return False
    lowered = text.lower()  # the pattern, which opens with a word boundary, only for the few lines that may match
    return any(part in lowered for part in _SIGNUP_PARTS) and _SIGNUP.search(text) is not None


def is_caption_label(text: str) -> bool:
    return _CAPTION_LABEL.match(text) is not None


def is_credited_caption(text: str) -> bool:
    """A news photo's caption: an archive photo's ("FILE - In this March 2, 2011 file photo, …"), or one the
    photographer's credit closes ("… (Matt Sayles/AP Photo)", "… (Photo by Clive Rose/Getty Images)", "…
    (Ellen M. Banner / The Seattle Times)": a name, a slash, its agency or paper). An agency alone in brackets
    ("(AP)") is a dateline's."""
    if text.startswith(_FILE_PHOTO):
        return True
    if not text.endswith(")"):
        return False
    credit = text[text.rfind("(") :]
    if "Photo" in credit or "Getty" in credit:
        return True
    return "/" in credit and (_AGENCY.search(credit) is not None or _NAMED_CREDIT.fullmatch(credit) is not None)


# A caption that its credit closes after a label: "The London Array will be the world's largest offshore windfarm.
# Photograph: Mark Turner/London Array", "GdP-Vize René Klemmer. Foto: GdP/Hagen Immel", "Praca w magazynie /
# Źródło: Pixabay", "(Credit: James Martin/CNET)", "Roman Prymula, photo: Archives du Gouvernement tchèque". A source
# ("Source: Times database") may be the article's own; "Quelle:" names a photo's only after the caption's sentence.
_LABELLED_CREDIT: Final = re.compile(
    r"(?:^|[\s(])(?:Photograph|[Pp]hotos?|Picture|Image|Credit|[Ff]otos?|Bild|Bilder|Bildquelle|Fotoquelle|Titelbild|"
    r"Bildnachweis|Fotografía|Crédito|Crédit|Źródło|(?<=[.!?)] )Quelle)"
    r"(?: [Cc]redit)?\s?:\s*[^\s.!?:][^.!?:]{1,60}$"
)
CREDIT_TAIL_CHARS: Final = 70  # the label and its credit are this close to the caption's end
CAPTION_SPACES: Final = 60  # a caption is shorter than this many words


def is_credit_closed(text: str) -> bool:
    """A photo's caption that its credit closes after a label ("… Photograph: Mark Turner"). One that a credit in
    brackets closes ("(Jane Lee/AP Photo)") is a caption only over the first paragraph (`ends.leads_with_photo`):
    among the paragraphs, hand-made labels keep it as often as not."""
    tail = text[-CREDIT_TAIL_CHARS:]
    return ":" in tail and text.count(" ") < CAPTION_SPACES and _LABELLED_CREDIT.search(tail) is not None


# A line of capitals this long is a menu; shorter ones may be headlines ("FALL IN LOVE WITH BLACK"), and so
# may a longer one that reads as a sentence, a fifth of its words or more stop words ("THE ROLLING STONES -
# STONES 'QUIT EMI' FOR UNIVERSAL"): a menu's links are names ("NEWS SPORT BUSINESS REAL ESTATE").
MENU_CAPITALS_WORDS: Final = 8
MENU_STOP_SHARE: Final = 0.2


# The links of a menu printed with no space between them ("HomeLatestBaseballFootball"): a word with a
# capital glued after a lower-case letter three times. A name does it once or twice ("McDonald's", "iPhone",
# "DevSecOps").
_GLUED: Final = re.compile(r"[a-z][A-Z]\S*?[a-z][A-Z]\S*?[a-z][A-Z]")
_GLUE: Final = re.compile(r"[a-z][A-Z]")
GLUED_IN_WORD: Final = 3  # the glues `_GLUED` finds in one word
# Or four times in the line, menu links of two words each glued ("San FranciscoEast BaySouth BayPeninsula"): a
# headline's names glue fewer ("CES: iSleep to iDream with iPod-ready bed").
GLUED_IN_LINE: Final = 4
POST_DASHES: Final = "—–-"  # what an embedded post's signature opens with


def is_post_signature(text: str) -> bool:
    """The last line of an embedded social-media post: a dash, the author and their handle, the date
    ("— Jane Doe (@janedoe) December 11, 2016")."""
    return text[:1] in POST_DASHES and "(@" in text


# A blog engine's footer under its post, WordPress's ("This entry was posted in Nikon Lenses.", "Dieser Beitrag
# wurde am 04/02/2020 von kj … veröffentlicht.", "Dieser Eintrag wurde veröffentlicht in …"; not "… ausgedruckt")
_ENTRY_FOOTER: Final = re.compile(
    r"(?:This (?:entry|post) was (?:posted|filed)|Dieser (?:Beitrag|Eintrag|Artikel) wurde (?:am|unter|veröffentlicht))\s"
)
ENTRY_FOOTER_OPENINGS: Final = ("This ", "Diese")  # the footer's first five signs: most lines are passed on them


def is_entry_footer(text: str) -> bool:
    """A blog engine's footer under its post: chrome, and the post ends over it."""
    return text[:5] in ENTRY_FOOTER_OPENINGS and _ENTRY_FOOTER.match(text) is not None


def is_glued_menu(text: str) -> bool:
    """Menu links printed with no space between them ("HomeLatestBaseballFootball"): never a headline."""
    glues = len(_GLUE.findall(text))  # one pass: most lines glue none
    return glues >= GLUED_IN_LINE or (glues == GLUED_IN_WORD and _GLUED.search(text) is not None)


def is_handle_or_menu(text: str, words: int) -> bool:
    """A social handle or a hashtag alone ("@emmabrockes", "#GameTechie"), an embedded post's signature, or a
    long line of capitals with few stop words ("BUSINESS SMALL BUSINESS DAILYFINANCE REAL ESTATE …"): a link or
    a menu, never a headline."""
    if words == 1:
        return text[:1] in "@#"
    if is_post_signature(text):
        return True
    # Every letter a capital: str.isupper would also take "ผล DNA ยืนยัน", whose Thai letters have no case.
    if words < MENU_CAPITALS_WORDS or not all(char.isupper() for char in text if char.isalpha()):
        return False
    return stop_share(text) < MENU_STOP_SHARE
