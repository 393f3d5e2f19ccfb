"""Word lists and a tiny news-sentence grammar (English, plus some Spanish for wrong-language inputs).

The sentences are plausible wire-style English built from common words, so a fastText or langdetect
model reads them as English. Pools are built once per seed; articles then sample whole sentences.
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Ahmad Hassan Maria John Sarah Ali Omar Leila David Nadia Karim Elena Samir Rania Michael Fatima Youssef Anna "
    "Khalil Mona Peter Laura Tariq Hana Daniel Zeinab Mark Yara Robert Salma James Lina Ibrahim Noor Carlos Dina"
)
LAST = _words(
    "Haddad Nasser Khoury Saleh Mansour Rahman Smith Garcia Ibrahim Darwish Hamdan Aziz Farah Jaber Suleiman Taylor "
    "Petrov Chen Awad Sabbagh Brown Lopez Moussa Kassem Wilson Rossi Hayek Zein Murray Bakri"
)
TITLES = (
    "Prime Minister",
    "Foreign Minister",
    "President",
    "Defense Minister",
    "Health Minister",
    "Economy Minister",
    "the spokesperson",
    "Secretary-General",
    "the ambassador",
    "the envoy",
    "the mayor",
    "Senator",
)
ORGS = (
    "the government",
    "the ministry",
    "the army",
    "the United Nations",
    "the European Union",
    "local authorities",
    "the central bank",
    "the parliament",
    "the opposition",
    "the Security Council",
    "the health ministry",
    "aid agencies",
    "the resistance",
    "the occupation forces",
    "residents",
    "officials",
    "analysts",
    "the committee",
    "the delegation",
    "the company",
    "workers",
    "farmers",
    "students",
    "the court",
    "the police",
    "the coalition",
    "the White House",
    "the Kremlin",
    "the Arab League",
    "the World Bank",
    "civil defense teams",
    "the labor union",
)
PLACES = (
    "Beirut",
    "Gaza",
    "Baghdad",
    "Damascus",
    "Tehran",
    "Cairo",
    "Amman",
    "Sanaa",
    "Washington",
    "Moscow",
    "Beijing",
    "London",
    "Paris",
    "Caracas",
    "the West Bank",
    "southern Lebanon",
    "the Red Sea",
    "the region",
    "the capital",
    "the north of the country",
    "the border area",
    "the city",
    "Yemen",
    "Syria",
    "Iraq",
    "Iran",
    "Jordan",
    "Egypt",
    "Venezuela",
    "Cuba",
    "Africa",
    "Europe",
    "Latin America",
    "the Gulf",
)
NOUNS = _words(
    "agreement plan decision report statement attack operation investigation project budget election crisis "
    "conflict ceasefire proposal sanctions aid support pressure policy strategy reform economy market trade oil gas "
    "water supply power grid hospital school road bridge border security peace war law vote protest strike "
    "campaign meeting summit visit program initiative response warning threat damage future situation development "
    "growth production system network deal demand measure step move evidence question problem solution effort "
    "role position relationship cooperation partnership dialogue mission blockade offensive recovery transition"
)
PLURALS = _words(
    "people workers families homes buildings vehicles schools projects cases soldiers children students companies "
    "jobs prisoners patients villages farms shops roads"
)
ADJECTIVES = _words(
    "new recent major serious important national international regional local public political economic military "
    "humanitarian diplomatic financial social strong clear direct possible current previous final official joint "
    "long large small difficult growing ongoing urgent real full historic critical basic independent legal foreign "
    "domestic heavy sudden wide broad fair free"
)
# (base, third person, past)
VERBS = tuple(
    (b, t, p)
    for b, t, p in (
        ("announce", "announces", "announced"),
        ("reject", "rejects", "rejected"),
        ("approve", "approves", "approved"),
        ("launch", "launches", "launched"),
        ("sign", "signs", "signed"),
        ("criticize", "criticizes", "criticized"),
        ("condemn", "condemns", "condemned"),
        ("support", "supports", "supported"),
        ("discuss", "discusses", "discussed"),
        ("review", "reviews", "reviewed"),
        ("delay", "delays", "delayed"),
        ("suspend", "suspends", "suspended"),
        ("block", "blocks", "blocked"),
        ("welcome", "welcomes", "welcomed"),
        ("confirm", "confirms", "confirmed"),
        ("deny", "denies", "denied"),
        ("propose", "proposes", "proposed"),
        ("complete", "completes", "completed"),
        ("expand", "expands", "expanded"),
        ("reduce", "reduces", "reduced"),
        ("open", "opens", "opened"),
        ("close", "closes", "closed"),
        ("publish", "publishes", "published"),
        ("prepare", "prepares", "prepared"),
        ("defend", "defends", "defended"),
        ("end", "ends", "ended"),
        ("accept", "accepts", "accepted"),
        ("fund", "funds", "funded"),
        ("restore", "restores", "restored"),
        ("protect", "protects", "protected"),
        ("improve", "improves", "improved"),
        ("build", "builds", "built"),
        ("change", "changes", "changed"),
        ("study", "studies", "studied"),
        ("address", "addresses", "addressed"),
        ("strengthen", "strengthens", "strengthened"),
        ("challenge", "challenges", "challenged"),
        ("extend", "extends", "extended"),
    )
)
SAY = (
    "said",
    "stated",
    "stressed",
    "noted",
    "added",
    "explained",
    "warned",
    "argued",
    "claimed",
    "reported",
    "confirmed",
    "pointed out",
    "emphasized",
    "told reporters",
)
AUX = (
    "will",
    "would",
    "could",
    "may",
    "must",
    "should",
    "cannot",
    "will not",
    "is expected to",
    "is ready to",
    "plans to",
    "hopes to",
    "has decided to",
    "refuses to",
    "intends to",
)
TIMES = (
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "last week",
    "earlier this month",
    "in recent days",
    "this morning",
    "later today",
    "over the past year",
    "since the start of the year",
    "in the coming weeks",
    "at the end of the month",
)
CONNECTORS = (
    "However,",
    "Meanwhile,",
    "In addition,",
    "Moreover,",
    "At the same time,",
    "For his part,",
    "For her part,",
    "Earlier,",
    "In a statement,",
    "On the other hand,",
    "As a result,",
    "Last year,",
)
PREPS = ("in", "across", "near", "outside", "throughout")
SECTIONS = ("Politics", "Economy", "Sports", "Arts&Culture", "Health", "Miscellaneous", "Technology", "Environment")
TOPICS = _words(
    "Palestine Lebanon Gaza Iraq Syria Iran Yemen Egypt Venezuela Cuba Russia China Ukraine Europe Sanctions Oil "
    "Economy Elections Resistance Occupation Health Climate Energy Refugees Diplomacy Trade Security"
)
SOURCES = ("Al Mayadeen English", "Al Mayadeen Net", "Agencies", "Al Mayadeen Net + Agencies", "Reuters", "AP", "AFP")

ES_SUBJ = (
    "el gobierno",
    "el ministerio",
    "las autoridades",
    "la presidenta",
    "los vecinos",
    "el ejército",
    "la empresa",
    "los trabajadores",
    "el parlamento",
    "la oposición",
    "los estudiantes",
    "el alcalde",
)
ES_SAY = ("dijo", "afirmó", "señaló", "anunció", "explicó", "advirtió", "aseguró")
ES_AUX = ("va a", "quiere", "debe", "podría", "tiene que", "piensa")
ES_VERB = ("apoyar", "revisar", "aprobar", "rechazar", "presentar", "mejorar", "construir", "proteger", "reducir")
ES_PAST = ("aprobó", "rechazó", "presentó", "anunció", "criticó", "apoyó", "firmó", "suspendió")
ES_OBJ = (
    "el nuevo plan",
    "la propuesta",
    "el acuerdo",
    "los precios",
    "la ley",
    "el presupuesto",
    "las medidas",
    "la reforma",
    "el proyecto",
    "las elecciones",
)
ES_PREP = (
    "en la capital",
    "durante los próximos meses",
    "para toda la población",
    "en el norte del país",
    "antes de fin de año",
    "con el apoyo de la comunidad",
    "en la región",
)
ES_TIME = ("el lunes", "el martes", "esta semana", "el año pasado", "hoy", "el viernes por la tarde")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class English:
    """Sentence and headline generator over the word lists above."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def person(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def subject(self) -> str:
        if self.r.random() < 0.3:
            return f"{self.r.choice(TITLES)} {self.person()}"
        return self.r.choice(ORGS)

    def object(self) -> str:
        r = self.r
        if r.random() < 0.5:
            return f"the {r.choice(ADJECTIVES)} {r.choice(NOUNS)}"
        return f"the {r.choice(NOUNS)} of {r.choice(ORGS)}"

    def place(self) -> str:
        return f"{self.r.choice(PREPS)} {self.r.choice(PLACES)}"

    def clause(self) -> str:
        r = self.r
        return f"{self.subject()} {r.choice(AUX)} {r.choice(VERBS)[0]} {self.object()} {self.place()}"

    def sentence(self) -> str:
        r = self.r
        kind = r.randrange(8)
        if kind == 0:
            return f"{cap(self.subject())} {r.choice(SAY)} that {self.clause()}."
        if kind == 1:
            return f"{r.choice(CONNECTORS)} {self.subject()} {r.choice(VERBS)[2]} {self.object()} {self.place()}."
        if kind == 2:
            return f"{cap(self.subject())} {r.choice(VERBS)[2]} {self.object()} {r.choice(TIMES)}."
        if kind == 3:
            return f"“{cap(self.clause())},” {self.person()} {r.choice(SAY)} {r.choice(TIMES)}."
        if kind == 4:
            return f"According to {self.subject()}, {self.clause()} {r.choice(TIMES)}."
        if kind == 5:
            n, what = r.randint(2, 950), r.choice(PLURALS)
            return f"{cap(self.subject())} {r.choice(VERBS)[2]} {n} {what} {self.place()} {r.choice(TIMES)}."
        if kind == 6:
            after = f"{self.subject()} {r.choice(VERBS)[2]} {self.object()}"
            return f"The {r.choice(NOUNS)} comes {r.choice(TIMES)} after {after}."
        action = f"{r.choice(AUX)} {r.choice(VERBS)[0]} the {r.choice(NOUNS)} {self.place()}"
        return f"{cap(self.object())} {action}, {self.subject()} {r.choice(SAY)}."

    def headline(self) -> str:
        r = self.r
        subject = cap(r.choice(ORGS).removeprefix("the "))
        return f"{subject} {r.choice(VERBS)[1]} {r.choice(ADJECTIVES)} {r.choice(NOUNS)} {self.place()}"


class Spanish:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def sentence(self) -> str:
        r = self.r
        clause = f"{r.choice(ES_SUBJ)} {r.choice(ES_AUX)} {r.choice(ES_VERB)} {r.choice(ES_OBJ)} {r.choice(ES_PREP)}"
        kind = r.randrange(3)
        if kind == 0:
            return f"{cap(r.choice(ES_SUBJ))} {r.choice(ES_SAY)} {r.choice(ES_TIME)} que {clause}."
        if kind == 1:
            return f"Según {r.choice(ES_SUBJ)}, {clause}."
        subject, verb = cap(r.choice(ES_SUBJ)), r.choice(ES_PAST)
        return f"{subject} {verb} {r.choice(ES_OBJ)} {r.choice(ES_PREP)} {r.choice(ES_TIME)}."

    def headline(self) -> str:
        r = self.r
        return f"{cap(r.choice(ES_SUBJ))} {r.choice(ES_PAST)} {r.choice(ES_OBJ)} {r.choice(ES_PREP)}"


class Pools:
    """Sentences and headlines generated once per seed; articles sample from them (fast, deterministic)."""

    def __init__(self, seed: int, sentences: int = 40_000, headlines: int = 8_000) -> None:
        self.seed = seed
        rng = random.Random(seed)
        en, es = English(rng), Spanish(rng)
        self.sentences = [en.sentence() for _ in range(sentences)]
        self.sentence_words = [s.count(" ") + 1 for s in self.sentences]
        self.headlines = [en.headline() for _ in range(headlines)]
        self.es_sentences = [es.sentence() for _ in range(2_000)]
        self.es_headlines = [es.headline() for _ in range(300)]
        self.people = [en.person() for _ in range(300)]
