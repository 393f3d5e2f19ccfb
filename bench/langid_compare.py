"""Compare the language backends on our own labelled texts: accuracy and articles per second on one core.

.venv/bin/python bench/langid_compare.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from builder.extract.langid import DETECTORS, language_sample
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from tests.golden.goldens import NOW, golden_dumps

# Labelled texts written for this benchmark (news-style prose, two to four sentences each).
TEXTS: dict[str, list[str]] = {
    "es": [
        "El gobierno anunció el lunes un nuevo plan para reparar las carreteras del sur del país, dañadas por las "
        "lluvias del invierno. Los trabajos comenzarán la próxima semana y durarán tres meses.",
        "Miles de personas se reunieron en la plaza central para celebrar el año nuevo, a pesar de la crisis económica "
        "que afecta a la mayoría de las familias.",
        "Los pescadores de la costa dicen que el precio del combustible se ha duplicado y que muchos ya no pueden salir "
        "al mar todos los días.",
    ],
    "ar": [
        "أعلنت وزارة الصحة اللبنانية اليوم أن فرقها عملت طوال الليل لإنقاذ السائقين العالقين على الطريق الجبلي بسبب "
        "العاصفة الثلجية.",
        "قال المتحدث باسم الحكومة إن المفاوضات مستمرة وإن الوفد سيعود إلى القاهرة الأسبوع المقبل لمناقشة المقترح الجديد.",
        "افتتحت المكتبات العامة في بيروت أبوابها حتى منتصف الليل خلال موسم الامتحانات الرسمية لمساعدة الطلاب.",
    ],
    "fr": [
        "Le gouvernement a annoncé lundi un nouveau plan pour réparer les routes du sud du pays, endommagées par les "
        "pluies de l'hiver. Les travaux commenceront la semaine prochaine.",
        "Des milliers de personnes se sont rassemblées sur le front de mer pour célébrer la nouvelle année malgré la crise.",
    ],
    "de": [
        "Die Regierung kündigte am Montag einen neuen Plan zur Reparatur der Straßen im Süden des Landes an, die durch "
        "den Winterregen beschädigt wurden.",
        "Tausende Menschen versammelten sich an der Uferpromenade, um trotz der Wirtschaftskrise das neue Jahr zu feiern.",
    ],
    "pt": [
        "O governo anunciou na segunda-feira um novo plano para reparar as estradas do sul do país, danificadas pelas "
        "chuvas do inverno. As obras começam na próxima semana.",
    ],
    "it": [
        "Il governo ha annunciato lunedì un nuovo piano per riparare le strade del sud del paese, danneggiate dalle "
        "piogge invernali. I lavori inizieranno la prossima settimana.",
    ],
}


def english_bodies() -> list[str]:
    pipeline = Pipeline(PipelineOptions(now=NOW))
    bodies = []
    for dump in golden_dumps("almayadeen_en"):
        record = pipeline.process(Record(source_file=dump.name, data=dump.read_bytes()))
        if record.reject is None:
            bodies.append(record.fields["body"])
    return bodies


def measure(name: str, labelled: list[tuple[str, str]], bodies: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    detector = DETECTORS[name]()
    detector.detect("warm up: the model loads on first use")
    load_s = time.perf_counter() - started
    correct = sum(detector.detect(text)[0] == lang for lang, text in labelled)
    short = sum(detector.detect(language_sample(text, 80))[0] == lang for lang, text in labelled)
    rounds = max(1, 2000 // len(bodies))
    started = time.perf_counter()
    for _ in range(rounds):
        for body in bodies:
            detector.detect(body)
    elapsed = time.perf_counter() - started
    return {
        "accuracy": round(correct / len(labelled), 3),
        "accuracy_80_chars": round(short / len(labelled), 3),
        "articles_per_s": round(rounds * len(bodies) / elapsed),
        "model_load_s": round(load_s, 3),
    }


def main() -> None:
    bodies = english_bodies()
    labelled = [("en", body) for body in bodies] + [(lang, t) for lang, texts in TEXTS.items() for t in texts]
    results = {name: measure(name, labelled, bodies) for name in DETECTORS}
    print(f"{len(labelled)} labelled texts ({len(bodies)} English article bodies), one core")
    print(f"{'backend':<12}{'accuracy':>10}{'@80 chars':>11}{'articles/s':>12}{'load s':>8}")
    for name, r in results.items():
        print(
            f"{name:<12}{r['accuracy']:>10}{r['accuracy_80_chars']:>11}{r['articles_per_s']:>12}{r['model_load_s']:>8}"
        )
    Path(__file__).with_name("langid_results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
