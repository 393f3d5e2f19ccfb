"""The words news sites print around dates: month and weekday names, "published"/"updated" labels, zone names.

Month names are given per month as space-separated spellings (full, genitive, abbreviated, without accents);
multi-word names (Arabic's Levantine `كانون الثاني`) use an underscore for their space. All keys are lower case.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

# One string per month, January first; each language adds its spellings to the same twelve slots.
_MONTHS_BY_LANGUAGE: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec",
    ),
    "de": (
        "januar jänner jän",
        "februar feber",
        "märz maerz mrz mär",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober okt",
        "november",
        "dezember dez",
    ),
    "fr": (
        "janvier janv",
        "février fevrier févr fevr fév",
        "mars",
        "avril avr",
        "mai",
        "juin",
        "juillet juil",
        "août aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre decembre déc",
    ),
    "es": (
        "enero ene",
        "febrero",
        "marzo",
        "abril abr",
        "mayo",
        "junio",
        "julio",
        "agosto ago",
        "septiembre setiembre",
        "octubre",
        "noviembre",
        "diciembre dic",
    ),
    "pt": (
        "janeiro",
        "fevereiro fev",
        "março marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro set",
        "outubro out",
        "novembro",
        "dezembro",
    ),
    "it": (
        "gennaio gen",
        "febbraio",
        "marzo",
        "aprile",
        "maggio mag",
        "giugno giu",
        "luglio lug",
        "agosto",
        "settembre",
        "ottobre ott",
        "novembre",
        "dicembre",
    ),
    "nl": (
        "januari",
        "februari",
        "maart mrt",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "ru": (  # nominative and the genitive a date uses (21 июля 2021)
        "январь января янв",
        "февраль февраля фев",
        "март марта мар",
        "апрель апреля апр",
        "май мая",
        "июнь июня июн",
        "июль июля июл",
        "август августа авг",
        "сентябрь сентября сен сент",
        "октябрь октября окт",
        "ноябрь ноября ноя нояб",
        "декабрь декабря дек",
    ),
    "ar": (  # Egyptian/Gulf names, then the Levantine ones (كانون الثاني = January)
        "يناير كانون_الثاني",
        "فبراير شباط",
        "مارس آذار اذار",
        "أبريل ابريل إبريل نيسان",
        "مايو أيار ايار",
        "يونيو يونيه حزيران",
        "يوليو يوليه تموز",
        "أغسطس اغسطس آب",
        "سبتمبر أيلول ايلول",
        "أكتوبر اكتوبر تشرين_الأول تشرين_الاول",
        "نوفمبر تشرين_الثاني",
        "ديسمبر كانون_الأول كانون_الاول",
    ),
    "cs": (  # genitive first (1. listopadu 2021), then nominative
        "ledna leden led",
        "února únor úno",
        "března březen bře",
        "dubna duben dub",
        "května květen kvě",
        "června červen čvn",
        "července červenec čvc",
        "srpna srpen srp",
        "září zář",
        "října říjen říj",
        "listopadu listopad lis",
        "prosince prosinec pro",
    ),
    "pl": (  # genitive first (21 lipca 2021), then nominative
        "stycznia styczeń sty",
        "lutego luty lut",
        "marca marzec",
        "kwietnia kwiecień kwi",
        "maja maj",
        "czerwca czerwiec cze",
        "lipca lipiec lip",
        "sierpnia sierpień sie",
        "września wrzesień wrz",
        "października październik paź",
        "listopada listopad",
        "grudnia grudzień gru",
    ),
}


def _month_table() -> dict[str, int]:
    """Every spelling -> month number; a spelling two languages give different months would be a bug here."""
    table: dict[str, int] = {}
    for months in _MONTHS_BY_LANGUAGE.values():
        for number, spellings in enumerate(months, start=1):
            for spelling in spellings.split():
                word = spelling.replace("_", " ")
                if table.setdefault(word, number) != number:
                    raise ValueError(f"month word {word!r} names two months")
    return table


MONTHS: Final[dict[str, int]] = _month_table()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEEKDAYS: Final[frozenset[str]] = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so
    lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira segunda terça quarta quinta sexta
    lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma wo vr za zo
    понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс
    الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد
    pondělí úterý středa čtvrtek pátek sobota neděle
    poniedziałek wtorek środa czwartek piątek niedziela
    """
)

# Labels that say which date a line gives; the reader looks for the last one before the date.
_KIND_LABELS: Final[dict[str, str]] = {
    "published": """published publish posted released erschienen veröffentlicht veröffentlichung
        erstveröffentlichung erscheinungsdatum erstellt publication_date date_of_publication public_release_date
        publié publiée publicado publicada pubblicato pubblicata gepubliceerd geplaatst pressemitteilung press_release
        опубликовано опубликован опубликована
        نشر نُشر تاريخ_النشر نشر_في 公開 公開日 投稿 投稿日 发布 發佈 发布时间 發布 zveřejněno opublikowano publikacja""",
    "updated": """updated update modified last_updated last_modified edited aktualisiert geändert stand
        zuletzt_geändert zuletzt_aktualisiert letzte_aktualisierung
        mis_à_jour mis_a_jour modifié modifiée actualizado actualizada atualizado atualizada aggiornato
        aggiornata bijgewerkt gewijzigd laatst_bijgewerkt обновлено обновлён изменено تحديث آخر_تحديث
        تم_التحديث 更新 更新日 更新日時 最終更新 aktualizováno aktualizacja zaktualizowano""",
}

KIND_LABELS: Final[dict[str, str]] = {
    label.replace("_", " "): kind for kind, labels in _KIND_LABELS.items() for label in labels.split()
}


def _hours(hours: float) -> timedelta:
    return timedelta(minutes=round(hours * 60))


# Zone abbreviations a page prints after a time. Ambiguous ones take the reading news sites mostly mean:
# IST is India (+05:30), not Ireland or Israel; AST (Atlantic/Arabia) and CST's China reading are left out.
ZONES: Final[dict[str, timedelta]] = {
    "UTC": _hours(0),
    "GMT": _hours(0),
    "UT": _hours(0),
    "Z": _hours(0),
    "WET": _hours(0),
    "WEST": _hours(1),
    "BST": _hours(1),
    "IST": _hours(5.5),
    "CET": _hours(1),
    "CEST": _hours(2),
    "MEZ": _hours(1),
    "MESZ": _hours(2),
    "EET": _hours(2),
    "EEST": _hours(3),
    "MSK": _hours(3),
    "МСК": _hours(3),
    "EST": _hours(-5),
    "EDT": _hours(-4),
    "ET": _hours(-5),
    "CST": _hours(-6),
    "CDT": _hours(-5),
    "CT": _hours(-6),
    "MST": _hours(-7),
    "MDT": _hours(-6),
    "PST": _hours(-8),
    "PDT": _hours(-7),
    "PT": _hours(-8),
    "AKST": _hours(-9),
    "AKDT": _hours(-8),
    "HST": _hours(-10),
    "JST": _hours(9),
    "KST": _hours(9),
    "HKT": _hours(8),
    "SGT": _hours(8),
    "AWST": _hours(8),
    "ACST": _hours(9.5),
    "AEST": _hours(10),
    "AEDT": _hours(11),
    "NZST": _hours(12),
    "NZDT": _hours(13),
    "PKT": _hours(5),
    "WIB": _hours(7),
}

# Words that may stand beside a date on a line that is only a date ("on", "à", "Uhr", "г.", "في"), with the
# reading time blogs print after it ("Oct 18, 2019 · 8 min read").
FILLERS: Final[frozenset[str]] = _words(
    """
    on at the of am um den der vom le la à a las às alle om op el de del du o в г года год في بتاريخ ص م 日 年
    last and und et y e ed en и i oraz
    date time datum zeit uhr heure h fecha hora data ora uur дата время تاريخ التاريخ الساعة 日付 日期
    min mins read
    """
)

# A leftover word that marks a byline: "By X | July 21, 2021" is a byline line that carries a date.
BYLINE_MARKERS: Final[frozenset[str]] = _words("by von par por di door от автор بقلم przez autor")
