"""Language codes as the checks read them: the primary subtag of a BCP 47 code (pt-BR, zh_Hant)."""

from __future__ import annotations


def primary(code: str) -> str:
    """``pt`` for ``pt-BR``, ``zh`` for ``zh_Hant``, ``en`` for ``EN``."""
    return code.replace("_", "-", 1).split("-", 1)[0].lower()


def is_english(code: str) -> bool:
    return primary(code) == "en"
