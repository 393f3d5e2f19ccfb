"""Lines a site prints among the article's paragraphs that are no part of it, each told by its words alone
(`builder/extract/generic/boilerplate.py` and `embeds.py`, and the newsletter prompt of `markers.py`): each beside a sentence of
an article that opens alike and stays in the body."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE, MENU, page

HEAD = [["Home", "  • News"], ["Pool to reopen"], ["July 31, 2018"]]  # the site's menu, the headline, the date


def read_under_head(*blocks: list[str]) -> GenericReading:
    """The reading of a page of the menu, the headline and the date over `blocks`."""
    reading = read_generic(page(*HEAD, *blocks))
    assert isinstance(reading, GenericReading), reading
    return reading


def in_body(*blocks: list[str]) -> str:
    """The body read from a page of the menu, the headline and the date over `blocks` and a menu: every paragraph
    of the article is in it."""
    body = read_under_head(*blocks, MENU).fields["body"]
    assert ARTICLE[0] in body and ARTICLE[-1] in body
    return body


@pytest.mark.parametrize(
    ("prompt", "body"),
    [
        ("SIGN UP FOR OUR NEWSLETTER", False),
        ("Newsletter abonnieren", False),
        ("Subscribe now", False),
        ("Places are limited, so sign up for the swimming course today!", True),  # the article's own sentence
        (
            "If you're new here, you may want to subscribe to this blog via e-mail or my RSS feed. Thanks for visiting!",
            False,
        ),
        ("Welcome to Harbour Weekly! If this is your first time visiting the site, read my story first.", False),
        ("The lifeguards said that if you are new here, the deep end is on the side of the river.", True),
        ("Media requires JavaScript and Adobe Flash to play.", False),  # a player's place, printed as text
        ("Click here to bypass this detection if you already have the latest Flash Player.", False),
        ("The council said the booking page of the pool still requires Flash, which few phones can run.", True),
        ("You are using an outdated browser.", False),
        ("Your browser does not support the video tag.", False),
        ("Your browser is out of date.", False),
        ("Dein Browser ist leider veraltet.", False),
        ("Der Browser wird leider nicht mehr unterstützt!", False),
        ("Lade für ein besseres Erlebnis einen neueren Browser kostenfrei herunter.", False),
        ("The council said the browser the pool's staff use is no longer supported, and will buy new ones.", True),
        ("This content can also be viewed on the site it originates from.", False),
        ("This video is unavailable in the format required for your device/os.", False),
        ("Aktivieren Sie JavaScript um das Video zu sehen.", False),
        ("Veuillez activer JavaScript pour voir la vidéo.", False),
        ("Enter your email address to follow this blog and receive notifications of new posts by email.", False),
        (
            "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen zu erhalten.",
            False,
        ),
        ("The council said the video of the meeting is unavailable until the minutes are approved.", True),
        ("Join 66,707,982 other followers", False),
        ("Like Be the first to like this.", False),
        ("Join 40 other swimmers at the pool on Sunday.", True),
        ("The council said the new booking page will not work in an old browser, so staff will take calls.", True),
        (
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu"
            " Twitter her. Hier kannst du deine Einstellungen verwalten.",
            False,
        ),
        (
            "Um Deine persönlichen Daten zu schützen, haben wir das automatische Laden der Inhalte von twitter.com"
            " blockiert. Du kannst Deine Zustimmung jederzeit widerrufen.",
            False,
        ),
        ("We need your consent to load this YouTube video.", False),
        ("The council said Twitter shared the swimmers' data without their consent, and asked for an inquiry.", True),
    ],
)
def test_a_newsletter_prompt_a_greeting_or_a_plugin_notice_is_chrome(prompt: str, body: bool) -> None:
    """A short invitation to a newsletter or a subscription between the article's paragraphs is no part of its
    body, nor is a blog's greeting to new readers, a notice that the page needs JavaScript, Flash or a newer
    browser, or one that an embed is shown elsewhere; a sentence that asks the reader to sign up for something the
    article is about is, and so is one that speaks to newcomers further on or one about a page that needs Flash or
    a newer browser."""
    body_read = in_body(ARTICLE[:2], [prompt], ARTICLE[2:])
    assert (prompt in body_read) is body
    assert body_read.startswith(ARTICLE[0])


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("« Patina vs. shine | Blog Home | Superman, Batman and worldviews »", False),
        ("‹ The old library by the river reopens on Sundays after the long summer holidays", False),
        ("Main | The library reopens on Sundays »", False),
        ("« Nous rouvrirons la piscine », a promis le maire devant le conseil.", True),  # a French quotation
    ],
)
def test_links_to_the_previous_and_next_posts_are_chrome(line: str, body: bool) -> None:
    """A blog prints links to its previous and next posts over the post, between its date and its first
    paragraph: no part of the body. A paragraph that opens with a French quotation mark is."""
    assert (line in in_body([line], ARTICLE)) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("If you enjoyed this article, please consider sharing it with your friends and neighbours!", False),
        ("If you enjoyed reading this post, would you consider supporting our work? Just click here.", False),
        ("About the Author: Anna Berg writes about the town's pools and parks for the Harbour Weekly.", False),
        ("If you enjoyed the old pool as a child, the council wants to hear your memories of it.", True),
        ("Follow @harbourweekly for the town's breaking news and headlines.", False),
        ("Follow the Harbour Weekly on Twitter and Facebook for more news", False),
        ("Follow the river path from the station and the pool is on your left after the bridge.", True),
        ("Follow these six steps to find the pool from the station:", True),  # a sentence ending in a colon
        ("Follow Me:", False),
        ("Síguenos en Telegram, Instagram y Twitter para recibir en directo todas nuestras noticias del puerto", False),
        ("Anna Berg is a staff writer at the Harbour Weekly, covering the town's pools and parks.", False),
        ("Mr Berg is the correspondent of the ferry company in the harbour, the council said on Monday.", True),
    ],
)
def test_an_appeal_a_writer_s_note_or_a_follow_prompt_under_the_post_is_chrome(line: str, body: bool) -> None:
    """An appeal to share or subscribe, the writer's note or an invitation to follow the site, under a blog's
    post: no part of its body. A sentence of the article that opens alike is."""
    assert (line in in_body(ARTICLE, [line])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Digg it | Facebook | Newsvine | Reddit | Print | Email", False),
        ("[icon-print]Print [icon-email]Email [icon-uparr]Return to Top", False),
        ("Share 613 Tweet 0 Share 7 Share Email Print Share", False),
        ("Printer Friendly Version *|* E-mail to a Colleague", False),
        ("Email to a friendPrinter friendly", False),  # labels glued together
        ("Print this story", False),  # one button
        ("Tweet", False),  # one button's verb alone
        ("Share", False),
        ("Pinterest", True),  # a network's name alone may be a subheading
        ("Teilen", False),  # in the languages the reader knows
        ("Partager", False),
        ("Teilen: Facebook Twitter E-Mail Drucken", False),
        ("Enlarge this image", False),  # a photo's button
        # share buttons that say they open a new window
        ("Share on Facebook (opens in a new window) Share on Twitter (opens in a new window)", False),
        ("Auf Skype teilen (Wird in neuem Fenster geöffnet)", False),
        ("Zum Teilen auf Flattr klicken (Wird in neuem Fenster geöffnet)", False),
        ("Reblog (0) | | | | Pin It! | | Digg This | Save to del.icio.us", False),
        ("The pool's booking page (opens in a new window) lists the lanes still free on Sunday.", True),
        ("The council will enlarge the image of the pool on its new poster.", True),
        ("Die Schwimmer teilen sich die Bahnen des Bades, sagte der Bademeister am Montag.", True),
        ("Share it with a friend.", True),  # a sentence
        ("Print and email editions of the Harbour Weekly are free for the pool's members.", True),
        ("The pool's staff will print the timetable and email it to every school in the town.", True),
    ],
)
def test_a_bar_of_share_and_print_buttons_is_chrome(line: str, body: bool) -> None:
    """A bar of buttons to share or print the article, between its paragraphs, printed as their labels (or one
    button's label): no part of its body. A sentence that names printing and email among other words is, and so is
    one made of a button's words."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Click here to send us your feedback on the town's pools", False),
        ("Click for more photos of the new pool", False),
        ("Hier klicken, um das Antworten abzubrechen.", False),
        ("Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", False),  # a blog's share buttons
        ("Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)", False),
        ("Click to enlarge The slide of the new pool opens on Sunday, the council said after its meeting.", True),
        ("To book a lane, click on the pool's name on the council's page and choose a time.", True),
    ],
)
def test_a_link_that_asks_to_be_clicked_is_chrome(line: str, body: bool) -> None:
    """A link that asks to be clicked, on a line of its own between the article's paragraphs: no part of its body.
    An image's "Click to enlarge" glued to the paragraph under it, or a sentence that says where to click, is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("See what other pools the council runs »", False),
        ("Poll: Is the new slide too steep? ►", False),
        ("Read the 8 comments →", False),
        ("Le maire l'a promis devant le conseil : « nous rouvrirons la piscine »", True),  # a quotation
    ],
)
def test_a_link_to_another_page_marked_by_its_arrow_is_chrome(line: str, body: bool) -> None:
    """A short line that ends in an arrow, between the article's paragraphs, links to another page of the site: no
    part of its body. A sentence that ends a quotation in guillemets is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("We use cookies to give you the best experience on our website.", False),
        ("Wir verwenden Cookies, die unser Angebot nutzerfreundlicher, effektiver und sicherer machen.", False),
        ("Nous utilisons des cookies pour améliorer l'offre que nous vous proposons.", False),
        ("The council said on Tuesday that the pool's booking site would stop using third-party cookies.", True),
        ("You can use a cookie cutter to cut the pool's logo into the biscuits sold at the kiosk.", True),
    ],
)
def test_a_site_s_cookie_notice_is_chrome(line: str, body: bool) -> None:
    """A sentence of the site's notice of its cookies, said to the reader, is no part of the body. A sentence of
    the article about cookies, or about a cookie cutter, is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


def test_a_cookie_dialog_longer_than_the_article_is_not_its_region() -> None:
    """A cookie dialog's paragraphs under a short article outweighed it as prose: they are chrome, and the
    article is the region."""
    dialog = [
        "We use cookies on our website to give you the most relevant experience by remembering your preferences.",
        "Some of these cookies are strictly necessary for our website to work, and you cannot switch them off.",
        "Other cookies help us understand how visitors use our website, so that we can improve it for you.",
        "You can accept all cookies, or choose which of our cookies you want to allow in the settings below.",
        "If you refuse our cookies, some parts of our website may not work as you would expect them to.",
    ]
    assert read_under_head(ARTICLE, MENU, dialog).fields["body"] == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Advertisement", False),
        ("ANZEIGE", False),
        ("Story continues below advertisement", False),
        ("inRead invented by Teads", False),
        ("About these ads", False),  # WordPress.com's
        ("Advertising pays for the pool's new slide, the council said.", True),  # a sentence about it
    ],
)
def test_an_advertisement_s_mark_on_a_page_read_alone_is_chrome(line: str, body: bool) -> None:
    """An advertisement's mark between the article's paragraphs is no part of its body, on a page read with no
    other dump of its site (where the corpus would find it recurring). A sentence about advertising is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Subscribe now to our eNATION edition for the full story.", False),
        ("To view the full story, please subscribe to The Harbour Times.", False),
        ("If you're seeing this message but you're already a subscriber, you can log in for immediate access.", False),
        ("Readers who subscribe to the paper get the full story of the harbour every week.", True),
        ("She was already a subscriber to the harbour's newsletter when the seals came back.", True),
    ],
)
def test_a_paywall_s_notice_is_chrome(line: str, body: bool) -> None:
    """A paywall's notice between the paragraphs (subscribe, or log in, for the full story) is no part of the
    body; sentences of the article about subscribing are."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Please check your inbox for a confirmation email.", False),
        ("Thank you! Please check your email for confirmation.", False),
        ("Thanks for signing up!", False),
        ("After signing up you will receive a confirmation email with the pool's opening hours.", True),
    ],
)
def test_a_newsletter_form_s_message_is_chrome(line: str, body: bool) -> None:
    """What a sign-up form says once sent, which a text browser prints with the form, is no part of the body. A
    sentence of the article about a confirmation e-mail is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


def test_a_newsletter_form_s_message_under_the_headline_is_no_lead() -> None:
    """The form between the headline and the article (a site's sign-up box under its menu): its message reads as a
    sentence as long as a lead's (twelve words), and the lead is looked for past it."""
    form = [
        "Thank you for signing up! Please check your email for it now.",
        "[Get the top story in your inbox] [Subscribe]",
        "[carrot]",
        "Follow @Harbour",
    ]
    fields = read_under_head(form, ARTICLE, MENU).fields
    assert fields.get("summary") != form[0]
    assert form[0] not in fields["body"]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Lesezeit: ca. 3 Minuten", False),
        ("Tempo di lettura: 3 minuti", False),
        ("8 minutos de lectura", False),
        ("4 min read", False),
        ("The seals rested for 4 minutes before they swam back to the harbour.", True),
    ],
)
def test_a_reading_time_is_chrome(line: str, body: bool) -> None:
    """How long the article takes to read, printed among its first paragraphs, is no part of the body."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("A post shared by Harbour Pool (@harbourpool)", False),  # an embedded post's credit
        ("Ein Beitrag geteilt von Hafenbad (@hafenbad)", False),
        ("View this post on Instagram", False),  # its link
        ("A post shared by the council on its page drew 300 replies from swimmers.", True),  # no handle: a sentence
        ("embed(http://www.youtube.com/v/C0ME-6vh-4g&rel=1)", False),  # a player's place, as the renderer prints it
        ("embed(/media/pool.swf) The pool reopens on Monday after three months of repairs to its roof.", True),
    ],
)
def test_an_embedded_post_s_credit_and_link_or_a_player_s_place_are_chrome(line: str, body: bool) -> None:
    """An embedded post's credit with its writer's handle, or its link to the post, or a player's place between the
    article's paragraphs: no part of its body. A sentence that opens with the same words is, and so is a paragraph
    glued to a player's place."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Main article: History of the harbour", False),  # a wiki's note over a section
        ("Hauptartikel: Geschichte des Hafens", False),
        ("Main articles: Harbour board and Ferry lines of the north", False),
        ("Main article sections were rewritten after the council's vote, the editors said.", True),
    ],
)
def test_a_wiki_s_note_pointing_to_another_article_is_chrome(line: str, body: bool) -> None:
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Lea más: El concejo propone reabrir la piscina del río el próximo verano", False),
        ("LE PUEDE INTERESAR: La piscina del río cierra por seis años", False),
        ("Lesen Sie auch: Das Hallenbad bleibt im Winter geschlossen", False),
        ("Read more: Council votes to reopen the river pool", False),
        ("Read more about the vote in the council's minutes, which list every member who voted.", True),  # no colon
    ],
)
def test_a_link_to_another_article_between_the_paragraphs_is_chrome(line: str, body: bool) -> None:
    """A label with its colon over another article's headline ("Lea más: …") is a link, no part of the body."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body


@pytest.mark.parametrize(
    ("line", "body"),
    [
        (
            "When you purchase through links on our site, we may earn an affiliate commission. Here's how it works.",
            False,
        ),
        ("The Harbour Weekly may receive compensation for some links to products and services on this website.", False),
        (
            "This post may contain affiliate links. If you buy something through them, I may get a small commission.",
            False,
        ),
        ("Advertising disclosure: We may receive compensation for some of the links in our stories.", False),
        (
            "Die folgenden Angebote sind mit Affiliate-Links versehen. Bei einem Kauf bekommen wir eine Provision.",
            False,
        ),
        ("The council's commission may receive complaints from neighbours until the end of May.", True),
        ("Members get a share of each sale made through their own affiliate link, the company said.", True),
    ],
)
def test_a_notice_of_the_site_s_paid_links_is_chrome(line: str, body: bool) -> None:
    """A site's notice that it is paid for the links it prints is no part of the body; an article's sentence about
    a commission or an affiliate program is."""
    assert (line in in_body(ARTICLE[:2], [line], ARTICLE[2:])) is body
