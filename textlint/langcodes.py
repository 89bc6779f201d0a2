"""Language codes as the rules compare them: BCP 47 tags written in any case, and ISO 639-2
three-letter codes of languages that have a two-letter one, made canonical (EN -> en, pt-br ->
pt-BR, eng -> en, por-BR -> pt-BR)."""

from __future__ import annotations

import re

# A language code, optionally with a region or script (en, pt-BR, zh-Hant), in any case.
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")  # \Z: no final line break

# ISO 639-2 codes (bibliographic and terminological) of languages with an ISO 639-1 code, for
# the languages of wordfreq's lists and the commonest others. Source: the ISO 639-2 code list
# of the Library of Congress (https://www.loc.gov/standards/iso639-2/php/code_list.php).
_TWO_LETTER = {
    "ara": "ar", "ben": "bn", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs", "chi": "zh",
    "zho": "zh", "dan": "da", "deu": "de", "ger": "de", "ell": "el", "gre": "el", "eng": "en",
    "est": "et", "fas": "fa", "per": "fa", "fin": "fi", "fil": "fil", "fra": "fr", "fre": "fr",
    "gle": "ga", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "ind": "id", "isl": "is",
    "ice": "is", "ita": "it", "jpn": "ja", "kor": "ko", "lav": "lv", "lit": "lt", "mkd": "mk",
    "mac": "mk", "msa": "ms", "may": "ms", "nld": "nl", "dut": "nl", "nob": "nb", "nor": "no",
    "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "slk": "sk", "slo": "sk",
    "slv": "sl", "spa": "es", "srp": "sr", "swa": "sw", "swe": "sv", "tam": "ta", "tha": "th",
    "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "cym": "cy", "wel": "cy", "eus": "eu",
    "baq": "eu", "glg": "gl", "afr": "af", "sqi": "sq", "alb": "sq", "bos": "bs", "aze": "az",
    "kaz": "kk", "uzb": "uz", "nep": "ne", "mar": "mr", "tel": "te", "guj": "gu", "pan": "pa",
}


def normalize(code: str) -> str:
    """The canonical form of a code that LANGUAGE_CODE accepts: the language in lower case (a
    three-letter code as its two-letter one where there is one), a script in title case and a
    region in upper case."""
    parts = code.replace("_", "-").split("-")
    lang = parts[0].lower()
    out = [_TWO_LETTER.get(lang, lang)]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())  # a script: Hant, Latn
        elif len(part) in (2, 3) and (part.isalpha() or part.isdigit()):
            out.append(part.upper())  # a region: BR, 419
        else:
            out.append(part.lower())
    return "-".join(out)
