"""The card's license metadata: a Hub license id, or `other` with a name and a link, checked offline."""

from __future__ import annotations

import difflib
import re
from urllib.parse import urlsplit

from builder.errors import OptionError

OTHER = "other"
LICENSES_PAGE = "https://huggingface.co/docs/hub/repositories-licenses"

# The license ids the Hub accepts in a card's `license:` field, in the order of LICENSES_PAGE
# (huggingface/hub-docs, docs/hub/repositories-licenses.md, August 2026).
HUB_LICENSES: tuple[str, ...] = (
    "apache-2.0",
    "mit",
    "openrail",
    "bigscience-openrail-m",
    "creativeml-openrail-m",
    "bigscience-bloom-rail-1.0",
    "bigcode-openrail-m",
    "afl-3.0",
    "artistic-2.0",
    "bsl-1.0",
    "bsd",
    "bsd-2-clause",
    "bsd-3-clause",
    "bsd-3-clause-clear",
    "c-uda",
    "cc",
    "cc0-1.0",
    "cc-by-2.0",
    "cc-by-2.5",
    "cc-by-3.0",
    "cc-by-4.0",
    "cc-by-sa-3.0",
    "cc-by-sa-4.0",
    "cc-by-nc-2.0",
    "cc-by-nc-3.0",
    "cc-by-nc-4.0",
    "cc-by-nd-4.0",
    "cc-by-nc-nd-3.0",
    "cc-by-nc-nd-4.0",
    "cc-by-nc-sa-2.0",
    "cc-by-nc-sa-3.0",
    "cc-by-nc-sa-4.0",
    "cdla-sharing-1.0",
    "cdla-permissive-1.0",
    "cdla-permissive-2.0",
    "wtfpl",
    "ecl-2.0",
    "epl-1.0",
    "epl-2.0",
    "etalab-2.0",
    "eupl-1.1",
    "eupl-1.2",
    "agpl-3.0",
    "gfdl",
    "gpl",
    "gpl-2.0",
    "gpl-3.0",
    "lgpl",
    "lgpl-2.1",
    "lgpl-3.0",
    "isc",
    "h-research",
    "intel-research",
    "lppl-1.3c",
    "ms-pl",
    "apple-ascl",
    "apple-amlr",
    "mpl-2.0",
    "odc-by",
    "odbl",
    "openmdw-1.0",
    "openmdw-1.1",
    "openrail++",
    "osl-3.0",
    "postgresql",
    "ofl-1.1",
    "ncsa",
    "unlicense",
    "zlib",
    "pddl",
    "lgpl-lr",
    "deepfloyd-if-license",
    "fair-noncommercial-research-license",
    "llama2",
    "llama3",
    "llama3.1",
    "llama3.2",
    "llama3.3",
    "llama4",
    "grok2-community",
    "gemma",
    "unknown",
    OTHER,
)

# What the Hub suggests for license_name: a short lowercase id such as `my-license-1.0`.
_NAME = re.compile(r"[a-z0-9]+(?:[-._+][a-z0-9]+)*")


def check_license(license: str, name: str | None = None, link: str | None = None) -> None:
    """Raise OptionError unless the three make valid card metadata for the Hub."""
    if license not in HUB_LICENSES:
        raise OptionError(f"--license {license!r} is not a Hub license id", _id_hint(license))
    if license != OTHER and (name is not None or link is not None):
        given = "--license-name" if name is not None else "--license-link"
        raise OptionError(
            f"{given} describes a license that is not on the Hub's list, so it goes with --license other, "
            f"not --license {license}",
            f"drop {given}, or pass --license other",
        )
    if name is not None:
        _check_name(name)
    if link is not None:
        _check_link(link)


def _id_hint(value: str) -> str:
    close = difflib.get_close_matches(value.lower(), HUB_LICENSES, n=3, cutoff=0.6)
    if close:
        quoted = [repr(c) for c in close]
        return "did you mean " + (f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]) + "?"
    return f"use an id listed at {LICENSES_PAGE}, or --license other with --license-name and --license-link"


def _check_name(name: str) -> None:
    if name in HUB_LICENSES:
        raise OptionError(f"--license-name {name!r} is a Hub license id", f"pass --license {name} instead")
    if not _NAME.fullmatch(name):
        slug = "-".join(re.findall(r"[a-z0-9.+]+", name.lower())) or "my-license-1.0"
        raise OptionError(
            f"--license-name {name!r} is not a license id: lowercase letters, digits and - . _ + only",
            f"e.g. --license-name {slug}",
        )


def _check_link(link: str) -> None:
    if not link or any(not char.isprintable() or char.isspace() for char in link):
        raise OptionError(f"--license-link {link!r} is empty or holds spaces", "write spaces in a URL as %20")
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise OptionError(f"--license-link {link!r} is not an http(s) URL", "e.g. https://example.com/terms")
        return
    if link.startswith(("/", "\\")) or ".." in link.replace("\\", "/").split("/"):
        raise OptionError(
            f"--license-link {link!r} is not a path inside the dataset repository",
            "write a relative path such as LICENSE.md, or a URL",
        )


def _is_repository_path(link: str) -> bool:
    """Whether a (valid) license link names a file of the repository rather than a URL."""
    return not urlsplit(link).scheme


def license_warnings(license: str, name: str | None, link: str | None, publishing: bool) -> list[str]:
    """Advice on valid license metadata that readers of the published card would miss."""
    warnings = []
    if license == OTHER and name is None and (link is not None or publishing):
        warnings.append(
            "the card's license is 'other' with no --license-name, so the Hub shows no license name; "
            "name it with --license-name (and --license-link), or pass a Hub license id with --license"
        )
    if link is not None and _is_repository_path(link):
        warnings.append(
            f"the card links to {link} in the dataset repository: add that file on the Hub yourself "
            "(builder push uploads only the card and the shards)"
        )
    return warnings
