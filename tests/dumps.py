"""Compose page dumps in the layout of Al Mayadeen English plain-text renderings (see `data/*.txt`).

`make_dump()` renders a whole page: navigation, BREAKING ticker, headline, byline/source/date
bullets, reading time, summary, image gallery, body with a crawl-time "Related News" insert,
tag bullets, the Most Read / Coverage / Read Next sidebars and the footer. Every part can be
changed or left out, so a test can write exactly the page it needs. The article text is made up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

SITE_NAME = "Al Mayadeen English"
BULLET = "  • "

TITLE = "Coastal Towns Reopen Fishing Harbours After Week-Long Storm"
SUMMARY = (
    "Fishing crews in three coastal towns returned to sea on Monday after a storm closed the harbours "
    "for a week, local officials said, as repair teams cleared debris from the piers."
)
IMAGES: tuple[tuple[str, str | None], ...] = (
    ("Fishing boats moored in a harbour at dawn", "Fishing boats moored in the harbour of Sour, Monday (AP)"),
)
BODY: tuple[str, ...] = (
    "The harbour master of Sour said that more than two hundred boats left the port before sunrise, "
    "the first departures since strong winds and high waves forced the authorities to suspend all "
    "fishing activity along the southern coast.",
    "Municipal workers spent the weekend removing fallen cables, broken nets and sand from the main pier. "
    "Engineers inspected the breakwater and found cracks in two sections, which will be repaired over the "
    "coming month with funds from the regional budget.",
    '"We lost a week of income, and many families depend on every single day at sea," said a fisherman '
    "who has worked in the port for thirty years. He added that fuel prices had already made the season "
    "difficult before the storm arrived.",
    "The fishermen's cooperative asked the government for emergency support to cover damaged engines and "
    "equipment, while the ministry of agriculture promised to publish a list of eligible crews by Friday.",
    "Forecasters expect calm weather for the rest of the week, although another band of rain could reach "
    "the coast early next month, according to the national meteorological service.",
)
TAGS: tuple[str, ...] = ("Lebanon", "Fishing", "Weather")

# A second, unrelated English article, for builds that need two distinct rows.
TITLE_2 = "City Council Approves Plan to Replace Ageing Water Pipes"
BODY_2: tuple[str, ...] = (
    "The city council voted on Wednesday to replace forty kilometres of water pipes laid in the 1960s, "
    "after a series of leaks left several neighbourhoods without running water during the summer.",
    "The project will be carried out in four phases over three years, starting with the districts where "
    "engineers recorded the highest losses. Residents will be told at least two days before any cut.",
    "Opposition members supported the plan but criticised the council for waiting until the network "
    "reached a critical state, and asked for monthly reports on the cost and the progress of the works.",
)
TICKER: tuple[str, ...] = (
    "Al Mayadeen's correspondent: Heavy rain floods roads in the northern districts.",
    "Ministry of Health: Vaccination campaign extended until the end of the month.",
    "UN envoy arrives in the capital for talks on the reconstruction plan.",
)
MOST_READ: tuple[tuple[str, str, str, str], ...] = (
    # (image caption, headline, section, date)
    ("Farmers harvest olives near the border (AP)", "Olive harvest falls by a third", "Economy", "8 Nov 2025"),
    ("A view of the port at night", "Port workers strike over unpaid wages", "Politics", "9 Nov 2025"),
)

SPANISH_BODY: tuple[str, ...] = (
    "Los pescadores de tres pueblos costeros volvieron al mar el lunes después de que una tormenta "
    "mantuviera cerrados los puertos durante una semana, según informaron las autoridades locales.",
    "Los trabajadores municipales pasaron el fin de semana retirando cables caídos, redes rotas y arena "
    "del muelle principal. Los ingenieros inspeccionaron el rompeolas y encontraron grietas en dos tramos, "
    "que serán reparados durante el próximo mes con fondos del presupuesto regional.",
    "La cooperativa de pescadores pidió al gobierno una ayuda de emergencia para cubrir los motores y los "
    "equipos dañados, mientras que el ministerio prometió publicar la lista de tripulaciones el viernes.",
)
ARABIC_BODY: tuple[str, ...] = (
    "عاد الصيادون في ثلاث بلدات ساحلية إلى البحر يوم الاثنين بعد أن أغلقت عاصفة قوية الموانئ لمدة أسبوع "
    "كامل، بحسب ما أعلنت السلطات المحلية في بيان رسمي.",
    "وأمضى عمال البلدية عطلة نهاية الأسبوع في إزالة الكابلات المتساقطة والشباك الممزقة والرمال عن الرصيف "
    "الرئيسي، فيما كشف المهندسون عن تشققات في قسمين من حاجز الأمواج سيتم إصلاحها خلال الشهر المقبل.",
    "وطالبت تعاونية الصيادين الحكومة بتقديم دعم طارئ لتغطية الأضرار التي لحقت بالمحركات والمعدات، "
    "بينما وعدت الوزارة بنشر قائمة الطواقم المستحقة يوم الجمعة المقبل.",
)

_NAV_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("News", ("Politics", "Economy", "Sports", "Arts&Culture", "Health", "Miscellaneous", "Technology", "Environment")),
    ("Articles", ("Opinion", "Analysis", "Blog", "Features")),
    ("Videos", ("NewsFeed", "Video Features", "Explainers", "TV", "Digital Series")),
)
_REGIONS = ("Africa", "Asia", "Asia-Pacific", "Europe", "Latin America", "MENA", "Palestine", "US & Canada")
_RELATED = ("Port authority publishes new safety rules for small boats", "Storm damage estimated at $4 million")


def navigation(site_name: str = SITE_NAME) -> list[str]:
    """The page header up to (not including) the BREAKING ticker."""
    lines = [site_name, "", f"{BULLET}Ar", f"{BULLET}Es", f"{BULLET}x", site_name, "", "Slogan", ""]
    for section, items in _NAV_SECTIONS:
        lines.append(f"{BULLET}{section}")
        lines.extend(f"    • {item}" for item in items)
    lines += [f"{BULLET}Infographs", f"{BULLET}In Pictures", f"{BULLET}• LIVE"]
    for section, items in _NAV_SECTIONS:
        lines.append(section)
        lines.extend(f"{BULLET}{item}" for item in items)
    lines += ["Infographs", "In Pictures"]
    lines.extend(f"{BULLET}{region}" for region in _REGIONS)
    return lines


def _sidebar(title: str, entries: Sequence[tuple[str, str, str, str]]) -> list[str]:
    lines = ["", title, ""]
    for caption, headline, section, day in entries:
        lines += [caption, "", headline, "", f"{BULLET}{section}", f"{BULLET}{day}"]
    return lines


def footer(most_read: Sequence[tuple[str, str, str, str]] = MOST_READ, site_name: str = SITE_NAME) -> list[str]:
    """Most Read, Coverage and Read Next sidebars, then the footer (the page ends without a newline)."""
    lines = _sidebar("Most Read", most_read) if most_read else []
    lines += ["", "Coverage", "", "All", "In Five", "", "Read Next", "", "All"]
    for caption, headline, section, _day in most_read:
        lines += [caption, section, "", headline, ""]
    lines += [
        site_name,
        "",
        "Al Mayadeen is an Arab Independent Media Satellite Channel.",
        "",
        "All Rights Reserved",
        "",
    ]
    lines += [f"{BULLET}{item}" for item in ("x", "Privacy Policy", "About Us", "Contact Us", "Authors")]
    lines += ["Android", "iOS"]
    return lines


def make_dump(
    *,
    title: str = TITLE,
    authors: Sequence[str] = ("Al Mayadeen Net",),
    source: str | None = "Al Mayadeen",
    date: str | None = "21 Jul 2021 14:49",
    reading_time: int | None = 2,
    summary: str | None = SUMMARY,
    images: Sequence[tuple[str, str | None]] = IMAGES,
    body: Sequence[str] = BODY,
    related_news: bool = True,
    tags: Sequence[str] = TAGS,
    ticker: Sequence[str] = TICKER,
    end_chrome: bool = True,
    most_read: Sequence[tuple[str, str, str, str]] = MOST_READ,
    site_name: str = SITE_NAME,
) -> str:
    """One article page as text, LF line ends, no final newline (like the real dumps).

    `authors=()`, `source=None`, `date=None`, `reading_time=None`, `summary=None`, `images=()` or
    `tags=()` leave that part out. `related_news` inserts the "Related News" marker and two headline
    paragraphs in the middle of the body. `end_chrome=False` stops the page right after the body
    (no tags, sidebars or footer), as a dump cut short would.
    """
    lines = navigation(site_name)
    if ticker:
        lines += ["BREAKING", *ticker]
    lines += ["", title, ""]
    meta = [f"By {', '.join(authors)}"] if authors else []
    meta += [f"Source: {source}"] if source else []
    meta += [date] if date else []
    lines += [f"{BULLET}{item}" for item in meta]
    if reading_time is not None:
        lines.append(f"{reading_time} Min Read")
    if summary:
        lines += ["", summary]
    if images:
        lines += ["", f"{BULLET}x"]
        for alt, caption in images:
            lines.append(f"{BULLET}{alt}")
            if caption:
                lines.append(f"    {caption}")
    middle = (len(body) + 1) // 2 if related_news else len(body)
    for i, paragraph in enumerate(body):
        if i == middle:
            lines += ["", "Related News", "", _RELATED[0], "", _RELATED[1]]
        lines += ["", paragraph]
    if end_chrome:
        if tags:
            lines += ["", *(f"{BULLET}{tag}" for tag in tags)]
        lines += footer(most_read, site_name)
    return "\n".join(lines)


def home_page(site_name: str = SITE_NAME) -> str:
    """The site's home page: navigation, ticker, lists of headlines and Most Read, but no article."""
    lines = [*navigation(site_name), "BREAKING", *TICKER, "", "Top Stories", ""]
    for caption, headline, section, day in MOST_READ:
        lines += [caption, "", headline, "", f"{BULLET}{section}", f"{BULLET}{day}", ""]
    lines += ["Latest", ""]
    lines += [f"{BULLET}{headline}" for _caption, headline, _section, _day in MOST_READ]
    return "\n".join(lines + footer())


def write_dump(folder: Path, name: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    """Write `text` to `folder/name` (parents created) with the given encoding and line end; return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path
