"""Lines a blog or a news site prints among the article's paragraphs that are no part of it, each told by its
words alone: a greeting to new readers over the post, links to the previous and next posts, a notice that the page
needs JavaScript, Flash or a newer browser (or shows an embed elsewhere), an embedded post's credit or a plugin's
place (embeds.py), an appeal to share or subscribe (or the writer's note) under the post, an invitation to follow the
site, a bar of share and print buttons, a link that asks to be clicked, a wiki's note that points to another
article, a link to another page marked by its arrow, an advertisement's mark, a paywall's notice, a newsletter
form's message, a reading time, a notice of the site's paid links. A site's notice of its cookies: cookies.py."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.embeds import (
    is_consent_placeholder,
    is_embedded_post,
    is_player_mark,
    is_plugin_notice,
)
from builder.extract.generic.markers import AD_MARK_WORDS, AD_WORDS, ARROWS, LINK_ARROWS
from builder.extract.generic.relative import is_reading_time
from builder.extract.generic.toolbars import is_toolbar
from builder.extract.generic.words import Prose, first_letters

RULE_GREETING: Final = "a greeting to new readers ('If you're new here, …')"
RULE_POST_NAVIGATION: Final = "links to the previous and next posts ('« Older post | Main | Newer post »')"
RULE_PLUGIN: Final = (
    "a notice that the page needs JavaScript, Flash or a newer browser, or shows an embed elsewhere or only with"
    " the reader's consent"
)
RULE_EMBED: Final = "an embedded post's credit or link ('A post shared by … (@…)', 'View this post on Instagram')"
RULE_PLAYER: Final = "a plugin's place, as the renderer prints it ('embed(http://www.youtube.com/v/…)')"
RULE_FOLLOW: Final = "an invitation to follow the site or its writer ('Follow us on Twitter')"
RULE_APPEAL: Final = "an appeal to share or subscribe, or the writer's note, under the post"
RULE_CLICK: Final = "a link that asks to be clicked ('Click here for more football headlines')"
RULE_HATNOTE: Final = "a wiki's note that points to another article ('Main article: …', 'Hauptartikel: …')"
RULE_READ_ALSO: Final = "a link to another article of the site ('Read more: …', 'Lea también: …')"
RULE_ARROW_LINK: Final = "a link to another page, its arrow at its end ('More Rich Media Community Stories »')"
RULE_AD_MARK: Final = "an advertisement's mark ('Advertisement', 'Story continues below advertisement')"
RULE_TOOLBAR: Final = "a bar of share and print buttons ('Email | Print | Digg it')"
RULE_FORM_MESSAGE: Final = "a newsletter form's message ('Please check your inbox for a confirmation email')"
RULE_PAYWALL: Final = "a paywall's notice ('Subscribe now for the full story', 'already a subscriber? Log in')"
RULE_READING_TIME: Final = "how long the article takes to read ('Lesezeit: 4 Min.', '5 min read')"
RULE_DISCLOSURE: Final = "a notice of the site's paid links ('We may earn a commission …', 'Advertising disclosure: …')"
RULE_BLOG_FORM: Final = "a blog engine's widget to follow the blog ('Enter your email address to follow this blog …')"

# A blog's greeting to first-time readers, over each post ("If you're new here, you may want to subscribe to my RSS
# feed.", "Welcome to The Simple Dollar! If this is your first time visiting the site, read my story")
_GREETING: Final = re.compile(
    r"(?:^|[.!]\s+)If (?:you(?:'|’)re|you are) new here\b|(?:^|[.!]\s+)If this is your first time (?:here|visiting)\b"
)
GREETING_AT: Final = 60  # the greeting opens the line, or its sentence follows a short welcome
GREETING_SPAN: Final = GREETING_AT + 40  # its words are within this many characters


def boilerplate_rule(text: str, prose: Prose | None) -> str | None:
    """The rule that makes a line of the article's region such boilerplate, or None for most lines."""
    said = _said_rule(text)
    if said is not None or prose is None:
        return said
    return _measured_rule(text, prose.words)


def _said_rule(text: str) -> str | None:
    """The rule of a line told by its words at any length."""
    if is_reader_greeting(text):
        return RULE_GREETING
    if is_post_navigation(text):
        return RULE_POST_NAVIGATION
    if is_closing_appeal(text):
        return RULE_APPEAL
    if is_embedded_post(text):
        return RULE_EMBED
    if is_player_mark(text):
        return RULE_PLAYER
    if is_hatnote(text):
        return RULE_HATNOTE
    return RULE_CLICK if is_click_prompt(text) else None


def _measured_rule(text: str, words: int) -> str | None:
    """The rule of a line told by its words and its length, `words` words (each is no longer than its bound)."""
    if is_plugin_notice(text, words) or is_consent_placeholder(text, words):
        return RULE_PLUGIN
    if is_follow_prompt(text, words):
        return RULE_FOLLOW
    if is_toolbar(text, words):
        return RULE_TOOLBAR
    if is_arrow_link(text, words):
        return RULE_ARROW_LINK
    if is_read_also(text, words):
        return RULE_READ_ALSO
    if is_ad_mark(text, words):
        return RULE_AD_MARK
    if is_paywall_notice(text, words):
        return RULE_PAYWALL
    if is_reading_time(text):
        return RULE_READING_TIME
    if is_disclosure(text, words):
        return RULE_DISCLOSURE
    # most lines are settled by their first character, or by being no short sentence (`is_blog_form_text`)
    if (text[:1] in _BLOG_FORM_FIRST or (words <= LIKE_WORDS and text[-1:] == ".")) and is_blog_form_text(text):
        return RULE_BLOG_FORM
    return RULE_FORM_MESSAGE if is_form_message(text, words) else None


# What a blog engine's widget to follow the blog by e-mail prints, in the languages it is read in most (WordPress's
# words, the same on every blog it serves). Its comment form's prompt to log in ("Fill in your details below or click
# an icon to log in:") is left alone: on a post of a few short lines it is the only prose the reader finds, and the
# post, read as no article without it, would lose its headline and date.
_BLOG_FORM_OPENINGS: Final = (
    "Enter your email address to follow this blog",
    "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen",
    "Bitte geben Sie Ihre E-Mail-Adresse ein, um diesem Blog zu folgen",
    "Saisissez votre adresse e-mail pour suivre ce blog",
    "Introduce tu dirección de correo electrónico para seguir este blog",
)


# ...and its count of the blog's followers ("Join 66,707,982 other followers", "Schließe dich 1.234 anderen Abonnenten an")
_FOLLOWERS: Final = re.compile(
    r"(?:Join [\d,.]+ other (?:followers|subscribers)|Schließe dich [\d.]+ anderen (?:Abonnenten|Followern) an)\.?"
)


# ...and its button to like the post, before anyone has ("Like Be the first to like this.")
_FIRST_TO_LIKE: Final = (
    "Be the first to like this.",
    "Sei der Erste, dem dies gefällt.",
    "Sois le premier à aimer ceci.",
)
LIKE_WORDS: Final = 8  # the button's line is no longer


_BLOG_FORM_FIRST: Final = first_letters((*_BLOG_FORM_OPENINGS, "Join ", "Schließe dich "))


def is_blog_form_text(text: str) -> bool:
    """A blog engine's widget to follow the blog by e-mail, its count of the blog's followers, or its button to like
    the post."""
    if text.endswith(_FIRST_TO_LIKE):
        return True
    if text[:1] not in _BLOG_FORM_FIRST:
        return False
    if text.startswith(("Join ", "Schließe dich ")):
        return _FOLLOWERS.fullmatch(text) is not None
    return text.startswith(_BLOG_FORM_OPENINGS)


def is_reader_greeting(text: str) -> bool:
    """A blog's greeting to new readers, printed over each post (the same sentence on every page)."""
    # most lines are settled without a search, and by their first characters only (a paragraph may be long)
    opening = text[:GREETING_SPAN]
    if "new here" not in opening and "first time" not in opening:
        return False
    found = _GREETING.search(opening)
    return found is not None and found.start() <= GREETING_AT


# What a blog prints under the post: an appeal to share or subscribe ("If you enjoyed this article, please consider
# sharing it!") or the writer's note ("About the Author: Derek Halpern is the marketing guy at DIYthemes.")
_CLOSING_APPEAL: Final = re.compile(
    r"If you (?:enjoyed|liked|found) (?:reading )?this (?:article|post|story|piece)\b|About the [Aa]uthor:"
)
APPEAL_OPENINGS: Final = ("If you ", "About the ")
_APPEAL_FIRST: Final = first_letters(APPEAL_OPENINGS)
# The writer's note in the third person: "Alex Shephard is a staff writer at The New Republic.", "Catherine Rampell is
# an economics reporter for The New York Times." (a title, "Mr Chinchilla is the correspondent …", is a story's)
NOTE_VERB_AT: Final = 60  # how far into the line the writer's note says "is"
_WRITERS_NOTE: Final = re.compile(
    r"(?!(?:Mr|Mrs|Ms|Dr)\.? )[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]*){1,3} is (?:a|an|the) (?:[\w-]+ ){0,4}?"
    r"(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|freelancer|author)\b"
)


def is_closing_appeal(text: str) -> bool:
    """An appeal to share or subscribe, or the writer's note, under a blog's post."""
    first = text[:1]
    if first in _APPEAL_FIRST and text.startswith(APPEAL_OPENINGS):
        return _CLOSING_APPEAL.match(text) is not None
    # the note's verb comes after the writer's name, near the line's start: most lines are settled by str methods
    return first.isupper() and text.find(" is ", 0, NOTE_VERB_AT) >= 0 and _WRITERS_NOTE.match(text) is not None


# An invitation to follow the site or its writer on a network: "Follow us on Twitter", "Follow @nytimesworld for
# international breaking news and headlines.", "Connect With Us on Twitter", "Follow me on:", "Folgen Sie uns auf",
# "Síguenos en Telegram, Instagram, Facebook y Twitter", "Follow Me:"; a sentence that opens with the verb and
# ends with a colon ("Follow these six tips to set up a nursery:") is the article's
_FOLLOW: Final = re.compile(
    r"(?:Follow|Connect [Ww]ith|Folgen Sie uns|Folge uns|S[ií]guenos|Suivez-nous|Seguici|Siga-nos|Nos siga|Volg ons)\b"
    r"(?::?$|.*?(?:\b(?:Twitter|Facebook|Instagram|Pinterest|Google\+|LinkedIn|YouTube|RSS|Telegram|TikTok|WhatsApp|"
    r"Google (?:News|Noticias|Notícias))\b|@\w|\s(?i:us|me|uns|auf|en|sur|su|no|op|on):?$))"
)
FOLLOW_OPENINGS: Final = (
    "Follow ",
    "Connect ",
    "Folg",
    "Síguenos",
    "Siguenos",
    "Suivez",
    "Seguici",
    "Siga",
    "Nos siga",
    "Volg",
)
_FOLLOW_FIRST: Final = first_letters(FOLLOW_OPENINGS)
FOLLOW_WORDS: Final = 20  # such an invitation is no longer ("… para recibir en directo todas nuestras actualizaciones")


def is_follow_prompt(text: str, words: int) -> bool:
    """An invitation to follow the site or its writer on a social network (a link under or inside the article)."""
    # most lines are settled by their first letter, before the openings are compared
    return (
        words <= FOLLOW_WORDS
        and text[:1] in _FOLLOW_FIRST
        and text.startswith(FOLLOW_OPENINGS)
        and _FOLLOW.match(text) is not None
    )


# A paywall's notice where the article stops: "Subscribe now to our eNATION edition for the full story.", "To view
# the full story, please subscribe to The Haitian Times.", "If you're seeing this message but you're already a
# subscriber, you can log in for immediate access to this story."
_PAYWALL: Final = re.compile(
    r"^(?:[Ss]ubscribe|[Ll]og in|[Ss]ign in)\b[^.!?]{0,80}\b(?:full (?:story|article)|immediate access|continue reading)\b|"
    r"\bfull (?:story|article)\b[^.!?]{0,60}\bplease subscribe\b|"
    r"\balready an? subscriber\b[^.!?]{0,60}\b(?:log in|sign in)\b"
)
PAYWALL_WORDS: Final = 40  # such a notice is no longer
PAYWALL_OPENINGS: Final = ("Log in ", "Sign in", "log in ", "sign in")  # the notices without "subscribe" open so


def is_paywall_notice(text: str, words: int) -> bool:
    """A paywall's notice: subscribe or log in for the full story (most lines are settled without a search)."""
    if words > PAYWALL_WORDS or ("ubscri" not in text and not text.startswith(PAYWALL_OPENINGS)):
        return False
    return _PAYWALL.search(text) is not None


# A notice that the site is paid for the links it prints: "When you purchase through links on our site, we may earn an
# affiliate commission.", "TIME may receive compensation for some links to products", "This post may contain
# affiliate links.", "Advertising disclosure: …", "Die folgenden Angebote sind mit Affiliate-Links versehen." An
# article about such programs says "your affiliate link" or "the affiliate program": no site's notice.
_DISCLOSURES: Final = (
    # "we may earn an affiliate commission", "TIME may receive compensation", "may get a share of the sales"
    r"\b(?:may|might|could) (?:also )?(?:receive|earn|get|make) (?:a |an )?(?:small )?"
    r"(?:(?:affiliate |advertising )?(?:commissions?|compensation|fees)|share of (?:the )?(?:sales|revenue))\b",
    r"\b(?:contains?|uses?|includes?|are|is) (?:\w+ ){0,3}?affiliate links?\b",  # "may contain affiliate links"
    r"\baffiliate (?:links? policy|partnerships?|advertising program)\b",
    r"\b[Aa]dvertis(?:ing|er) (?:disclosure|disclaimer)\b",
    r"\b(?:sich um|sind|mit) (?:\w+ )?Affiliate[- ]Links\b",  # "Die Angebote sind mit Affiliate-Links versehen"
)
_DISCLOSURE: Final = re.compile("|".join(_DISCLOSURES))
DISCLOSURE_WORDS: Final = 60  # such a notice is no longer


def is_disclosure(text: str, words: int) -> bool:
    """A notice of the site's paid links, on a line of its own under or over the article."""
    # most lines hold none of the words the pattern needs, which `in` tells faster than a search
    return (
        words <= DISCLOSURE_WORDS
        and ("ffiliate" in text or "ommission" in text or "ompensation" in text or "iscl" in text)
        and _DISCLOSURE.search(text) is not None
    )


# A link that asks to be clicked: "Click here to send us your sporting feedback", "Click for more photos", "Hier
# klicken, um das Antworten abzubrechen." (an article says where to click as "click on the tab", which stays; "Click
# to enlarge", an image's label, may be glued to the paragraph under the image); a blog's share buttons, as WordPress
# words them in German ("Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", "Klicken zum Ausdrucken")
_CLICK: Final = re.compile(
    r"(?:Click (?:here|for|to(?! enlarge| zoom))|CLICK HERE|Hier klicken|Klicken Sie hier|Klick(?:en)?, um|Klicken zum|"
    r"Cliquez ici|Haga clic aquí|Clique aqui)\b"
)
CLICK_OPENINGS: Final = (
    "Click ", "CLICK ", "Hier klicken", "Klicken Sie", "Klick, um", "Klicken, um", "Klicken zum", "Cliquez ici",
    "Haga clic", "Clique aqui",
)  # fmt: skip
CLICK_FIRST: Final = first_letters(CLICK_OPENINGS)


def is_click_prompt(text: str) -> bool:
    """A link that asks to be clicked, as a line of its own between or under the article's paragraphs."""
    # most lines are settled at their first character
    return text[:1] in CLICK_FIRST and text.startswith(CLICK_OPENINGS) and _CLICK.match(text) is not None


# A wiki's note over a section that points to the article that tells more ("Main article: Firefox", "Main articles:
# Government of New Zealand and …"), in the languages of its wikis; "See also:" may open a list the article keeps.
_HATNOTE: Final = re.compile(
    r"(?:Main articles?|Further information|Hauptartikel|Articles? détaillés?|Artículos? principal(?:es)?|Voce principale)"
    r"\s?:\s*\S"
)
HATNOTE_WORDS: Final = 15  # such a note is no longer


def is_hatnote(text: str) -> bool:
    """A wiki's note that points to another article, on a line of its own."""
    # most lines are settled by their first letter, the others by the pattern, anchored at their start
    return text[:1] in "MFHAV" and _HATNOTE.match(text) is not None and text.count(" ") < HATNOTE_WORDS


# A link to another article among the paragraphs, its label and a colon over its headline ("Lea más: Juan Carlos
# Ortega propone …", "LE PUEDE INTERESAR: …", "Lesen Sie auch: …"); a label alone is an end heading (markers.py).
_READ_ALSO: Final = re.compile(
    r"(?:read (?:more|also)|also read|lea(?: más| también)?|(?:le|te) puede interesar|lesen sie (?:auch|mehr)|"
    r"mehr zum thema|(?:à )?lire aussi|leggi anche|leia (?:também|mais)|veja também|czytaj (?:też|także)|читайте также)"
    r"\s?:\s*\S",
    re.IGNORECASE,
)
READ_ALSO_WORDS: Final = 25  # such a link is no longer
_READ_ALSO_FIRST: Final = "RrAaLlTtMmÀàVvCcЧч"  # the first letters of its labels
READ_ALSO_REACH: Final = 24  # its colon is this near the line's start ("Le puede interesar :")


def is_read_also(text: str, words: int) -> bool:
    # most lines are settled by their first letter, or by no colon where a label's would be
    return (
        words <= READ_ALSO_WORDS
        and text[:1] in _READ_ALSO_FIRST
        and text.find(":", 0, READ_ALSO_REACH) >= 0
        and _READ_ALSO.match(text) is not None
    )


# A link to another page of the site, marked by an arrow at its end: "See what other ETFs contain EXXI »", "Read the
# 8 comments »", "Poll: Is the OnePlus 10T hot or not? ►". A line in guillemets ("« Nous rouvrirons la piscine »")
# is a quotation.
LINK_SIGNS: Final = (*LINK_ARROWS, "►", "▶", "→")
LINK_WORDS: Final = 15  # such a link is no longer


def is_arrow_link(text: str, words: int) -> bool:
    """A link to another page of the site, marked by an arrow at its end, a line of `words` words."""
    return words <= LINK_WORDS and text.endswith(LINK_SIGNS) and "«" not in text and "‹" not in text


# An advertisement's place between the article's paragraphs, marked by a line of its own: "Advertisement",
# "ANZEIGE", "Story continues below advertisement", "Continue reading the main story", "inRead invented by Teads",
# WordPress.com's "About these ads".
# A site's dumps mark it alike (the corpus then finds it as their chrome); a page read alone is told by the words.
_AD_LINE: Final = re.compile(
    rf"(?i:{AD_WORDS}|sponsored)"
    r"|広告|(?:Story|Article) continues below(?: the)? advertisement|Continue reading (?:the )?(?:main )?story"
    r"|Advertisement - [Ss]croll to [Cc]ontinue|inRead invented by Teads|About these ads"
)
AD_MARK_OPENINGS: Final = "AaSsWwPpCciРр広"  # the first characters of such marks


def is_ad_mark(text: str, words: int) -> bool:
    """An advertisement's mark, a line of `words` words on its own."""
    return words <= AD_MARK_WORDS and text[:1] in AD_MARK_OPENINGS and _AD_LINE.fullmatch(text) is not None


PREVIOUS_SIGNS: Final = ("«", "‹", "&laquo")  # what a link to the previous post opens with
NEXT_SIGNS: Final = ARROWS  # what a link to the next post closes with
NAVIGATION_OPENINGS: Final = "«‹&M"  # the first characters of such links (`is_post_navigation`)
NAVIGATION_WORDS: Final = 20  # a link to one post is no longer than this
_HOME_LINK: Final = ("| Main", "| Blog Home", "| Home", "Main |")


def is_post_navigation(text: str) -> bool:
    """Links to a blog's previous and next posts, over or under the post ("« Patina vs. shine | Blog Home |
    Superman, Batman and worldviews »", "‹ Painted ponies go up and down"). A paragraph opening with a French
    quotation mark ("« Je pars demain », a-t-il dit.") closes its quotation or ends as a sentence."""
    if text[:1] not in NAVIGATION_OPENINGS:  # most lines are settled at their first character
        return False
    if text.startswith(PREVIOUS_SIGNS):
        if any(sign in text for sign in NEXT_SIGNS):
            return any(link in text for link in _HOME_LINK) or (text.endswith(NEXT_SIGNS) and "|" in text)
        return len(text.split()) <= NAVIGATION_WORDS and not text.endswith((".", "!", "?", "…"))
    return text.startswith("Main | ") and text.endswith(NEXT_SIGNS)


# What a newsletter's sign-up form says once it is sent, which a text browser prints with the form: "Please check
# your inbox for a confirmation email.", "Thank you! Please check your email for confirmation.", "Thanks for
# signing up!". An article's sentence that names a confirmation e-mail is longer, or asks no one to check for it.
_FORM_MESSAGE: Final = re.compile(
    r"\b(?:[Cc]heck your (?:inbox|e-?mail)\b.*\bconfirm|[Tt]hanks?(?: you)? for (?:signing up|subscribing)\b)"
)
FORM_MESSAGE_WORDS: Final = 12


def is_form_message(text: str, words: int) -> bool:
    """A newsletter form's message, FORM_MESSAGE_WORDS words at most."""
    return (
        words <= FORM_MESSAGE_WORDS
        and ("heck your" in text or "for s" in text)
        and _FORM_MESSAGE.search(text) is not None
    )
