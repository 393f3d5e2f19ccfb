"""Dates printed by pages with no profile, as properties: any moment printed in a known form is read back, and
any text gives a date inside the line or none."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.generic.dates import find_date, is_date_line
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.head_inside import dateline_date

# Month names written out here, apart from the reader's own tables, for the round trip below.
MONTH_NAMES = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
TEMPLATES = [
    "{name_en} {d}, {y} {h12}:{mi:02d} {ap}",
    "{d}. {name_de} {y}, {h}:{mi:02d} Uhr",
    "{d} {name_fr} {y} à {h}h{mi:02d}",
    "{d} de {name_es} de {y} a las {h}:{mi:02d}",
    "{d} {name_ru} {y}, {h}:{mi:02d}",
    "{d} {name_ar} {y} {h}:{mi:02d}",
    "{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:00",
    "{d:02d}.{m:02d}.{y} {h:02d}:{mi:02d}",
    "{y}年{m}月{d}日 {h}時{mi}分",
]


@settings(derandomize=True, database=None, deadline=None, max_examples=300)
@given(
    moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)),
    template=st.sampled_from(TEMPLATES),
    before=st.sampled_from(["", "Published: ", "By Jane Doe | ", "• "]),
)
def test_any_real_moment_printed_in_a_known_form_is_read_back(moment: datetime, template: str, before: str) -> None:
    names = {f"name_{language}": names.split()[moment.month - 1] for language, names in MONTH_NAMES.items()}
    hour12, ap = (moment.hour % 12 or 12), ("AM" if moment.hour < 12 else "PM")
    printed = template.format(
        y=moment.year, m=moment.month, d=moment.day, h=moment.hour, mi=moment.minute, h12=hour12, ap=ap, **names
    )
    found = find_date(before + printed)
    assert found is not None
    assert found.local == moment.replace(second=0, microsecond=0)
    assert (found.start, found.end) == (len(before), len(before) + len(printed))


@settings(derandomize=True, database=None, deadline=None, max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789 .,:/-+TZhapmAPM年月日٢٠١٣۱۲०१२２０³①Ⅻ߁Jul July juillet июля de Uhr à|")
        ),
        max_size=60,
    )
)
def test_any_text_gives_a_date_inside_the_line_or_none(line: str) -> None:
    """...and a line with no digit dates are printed with none: the readers test `holds_date_digit` before
    reading a date (a search for `\\d` first cost twice as much), and it leaves out no date."""
    found = find_date(line)
    assert isinstance(is_date_line(line), bool)
    if not holds_date_digit(line):
        assert found is None and not is_date_line(line) and dateline_date(line) is None
    if found is not None:
        assert 0 <= found.start < found.end <= len(line)
        assert 1990 <= found.local.year <= 2100
        assert found.offset is None or abs(found.offset) <= timedelta(hours=14)


def test_dates_in_other_digits_are_still_found_behind_the_digit_test() -> None:
    for line in ["١٢/٠٣/٢٠٢١", "２０２１年３月１２日", "Published ۱۲ مارس ۲۰۲۱", "12 March 2021"]:
        assert holds_date_digit(line) and dateline_date(line) is not None, line
    assert not holds_date_digit("Chapter ³, part Ⅻ")
