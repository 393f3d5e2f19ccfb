"""Chrome phrases: words of links, buttons and labels, in several languages, that mark a line as no headline; link
words a text browser glued together, read apart."""

from __future__ import annotations

import pytest

from builder.extract.generic import headline
from builder.extract.generic.phrases import CHROME_PHRASES, WORD
from builder.extract.generic.reader import dump_lines
from builder.extract.generic.region import score_lines


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Skip to main content", True),
        ("Why you can trust SCMP", True),
        ("Abonnez-vous à notre newsletter", True),
        ("部落格全站分類：休閒旅遊", True),
        ("Zurück zur Übersicht", True),
        ("Be one of the first to comment", True),
        ("Not a member yet?", True),  # a sign-in box's question
        ("For the latest business news, please visit Harbour Weekly", True),
        ("● Text Size", True),
        ("Print this page", True),
        ("REGISTER TO WIN", True),
        ("Enter your email address:", True),
        ("Amazon.com, Inc. Stock Quote", True),
        ("Funded by readers like you: donate", True),
        ("Marguerite Reardon headshot", True),  # a portrait's alt text over the byline
        ("Celeb News RSS Feed", True),
        ("Copyright", True),
        ("Morning home delivery - save up to 65%", True),
        ("Field input is required", True),
        ("Submit", True),  # a comment form's button over the headline
        ("51 captures Previous capture 26 Next capture", True),  # a web archive's toolbar
        ("Kommentar hinterlassen Antworten abbrechen", True),
        ("Price includes VAT for Germany", True),
        ("Share Close extra sharing options", True),
        ("Forgot your username or password?", True),
        ("Leave a Reply Cancel reply", True),
        ("Learn more about Institutional subscriptions", True),
        ("Get our top stories", True),
        ("About this capture", True),  # a web archive's banner
        ("Vorlesen", True),  # "read aloud", a button
        ("Kommentieren Sie den Artikel Antwort abbrechen", True),
        ("Hinterlasse jetzt einen Kommentar", True),
        ("Your email address will not be published.", True),  # a comment form's note
        ("E-Mail Adresse wird nicht veröffentlicht.", True),
        ("Der Browser wird nicht leider nicht mehr unterstützt!", True),  # over the menu of a page its script builds
        ("Your browser is out of date", True),
        ("Votre navigateur n'est plus à jour", True),
        ("Google Chrome takes a third of the browser market", False),
        ("Get Tone Deaf to your inbox daily", True),  # a newsletter's box
        ("WHITEHOUSE.GOV IN YOUR INBOX", True),
        ("The Only Five Email Folders Your Inbox Will Ever Need", False),
        ("Thank you for supporting Medical News Today", True),  # a reader's thanks over the headline
        ("Thank you for your service, veterans told", False),
        ("The harbour board submits its plan", False),  # "submit" is a whole word only
        ("RSSI readings fall as the harbour's masts rust", False),  # "rss" is a whole word only
        ("The registrar of the harbour board resigns", False),  # "register" is a whole word only
        ("About the researchers who searched the reef", False),  # "abo", "search" are whole words only
        ("Seals are back on the sandbank", False),
    ],
)
def test_chrome_phrases_match_whole_words_in_several_languages(line: str, chrome: bool) -> None:
    lowered = line.lower()
    assert CHROME_PHRASES.found_in(lowered, WORD.findall(lowered)) is chrome


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Funded by readers like you DonateSubscribe", True),
        ("Sign InSign Up", True),
        ("LinkedIn and YouTube join the iPhone deal", False),  # a capital after a small letter in names
    ],
)
def test_chrome_words_glued_together_are_read_apart(line: str, chrome: bool) -> None:
    """Link words w3m printed with no space between them keep their chrome phrases' sign."""
    page = f"{line}\n\n" + " ".join(
        ["The harbour reopened on Monday after a winter of repairs to its two old piers."] * 3
    )
    scored = score_lines(*dump_lines(page))
    candidate = headline.Candidate(0, [0.0] * len(headline.FEATURES))
    headline.complete(scored, page, frozenset(), candidate)
    assert candidate.features[headline.CHROME_PHRASE] == float(chrome)
