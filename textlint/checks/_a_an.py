"""Which indefinite article a word takes, decided by how the word is read aloud.

``sound_of(word)`` returns a bit set of the initial sounds the word may be read with
(VOWEL, CONSONANT or BOTH) and whether the answer is confident (taken from the dictionary or
from firm rules) or guessed by the letter-to-sound fallback. None means "no opinion".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from textlint.checks import _sound_table
from textlint.checks._sound_table import BOTH, CONSONANT, VOWEL


class Sound(NamedTuple):
    cls: int
    confident: bool


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letter names: "an F", "an MP", "a U", "a UN report".
_VOWEL_LETTERS = frozenset("aefhilmnorsx")

# First digit group of a number as read aloud: "eight...", "eleven...", "eighteen..."
# start with a vowel sound; every other number name starts with a consonant.
_DIGITS = re.compile(r"[0-9]+")

# Word-initial consonant clusters English allows; an unknown word starting with any other
# cluster ("mdast", "mp3", "xmr") is read letter by letter.
_ONSETS = _wordset(
    """b c d f g h j k l m n p q r s t v w x z bl br ch chr cl cr dr dw fl fr gh gl gn gr kh
    kl kn kr ph phl phr pl pr ps qu rh sc sch schl schm schn schw scl scr sh shl shm shn
    shr sk skr sl sm sn sp sph spl spr squ st str sv sw th thr tr ts tw vl wh wr zh zw"""
)
_VOWEL_CHARS = "aeiouy"

# Prefixes written with a hyphen whose sound is fixed ("an un-united", "a non-event").
_PREFIX_SOUND = {"un": VOWEL, "non": CONSONANT, "anti": VOWEL, "ex": VOWEL, "pre": CONSONANT,
                 "re": CONSONANT, "co": CONSONANT, "semi": CONSONANT, "multi": CONSONANT,
                 "self": CONSONANT, "post": CONSONANT, "over": VOWEL, "under": VOWEL,
                 "in": VOWEL, "out": VOWEL, "e": VOWEL}


# Initialisms that are both spelled out and read as a word, the two readings starting with
# different sounds, so that either article is right ("an F-A-Q" and "a fack"). The dictionary
# cannot tell this for words it lacks, and letter-by-letter is otherwise assumed. Each entry
# gives the two readings and where both are recorded; add one only with such a source.
_TWO_READINGS: dict[str, tuple[str, str]] = {
    # The Jargon File, entry "FAQ": "/F-A-Q/ or /fak/"; Wikipedia's "FAQ" article likewise.
    "faq": ("F-A-Q", "fack"),
    # Random House Unabridged Dictionary (on Dictionary.com), entry "MRSA": "mur-suh", or,
    # especially in Canada, said as letters.
    "mrsa": ("M-R-S-A", "mersa"),
    # The CMU Pronouncing Dictionary, entry "sql": EH2 S K Y UW2 EH1 L and S IY1 K W UH0 L.
    "sql": ("S-Q-L", "sequel"),
}


def _reads_two_ways(head: str) -> bool:
    """Is ``head`` an initialism of ``_TWO_READINGS``, its plural or possessive, or a name that
    opens with it in capitals (SQLite, SQLAlchemy), which is read the way its opening is?"""
    low = head.lower()
    if any(stem in _TWO_READINGS for stem in (low, low.removesuffix("'s"), low.removesuffix("s"))):
        return True
    return any(head.startswith(key.upper()) for key in _TWO_READINGS)


# Greek letter names ("an α-particle", "a β-blocker").
_GREEK = {c: VOWEL for c in "αεηιουω"} | {c: CONSONANT for c in "βγδζθκλμνξπρσςτφχψ"}


def letter_sound(ch: str) -> int:
    return VOWEL if ch.lower() in _VOWEL_LETTERS else CONSONANT


def number_sound(digits: str, grouped: bool) -> Sound:
    """``digits``: the leading digit run; ``grouped``: it is the first group of a number
    written with thousands separators (so its length is the group length)."""
    if digits[0] == "0":
        # "an 0800 number" (oh-eight-hundred); a lone zero is "zero".
        return Sound(VOWEL if len(digits) > 1 else CONSONANT, True)
    n = len(digits)
    group = n if grouped else (n % 3 or 3)
    if not grouped and n == 4 and digits[:2] in ("11", "18"):
        # 1100 / 1800: "eleven hundred" or "one thousand one hundred": both in use.
        return Sound(BOTH, True)
    if group == 2 and digits[:2] in ("11", "18"):
        return Sound(VOWEL, True)
    return Sound(VOWEL if digits[0] == "8" else CONSONANT, True)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    # "MSc", "MPs", "LLMs": mostly capitals and starting with one.
    return letters[0].isupper() and word[0].isalpha() and upper * 2 > len(letters) and (
        upper >= 2
    )


def _pronounceable(word: str) -> bool:
    """Could ``word`` (lower case letters) be read as a word rather than letter by letter?"""
    onset = _onset(word)
    if onset and onset not in _ONSETS:
        return False
    return any(c in _VOWEL_CHARS for c in word[:4]) and len(word) >= 3


def _onset(word: str) -> str:
    i = 0
    while i < len(word) and word[i] not in _VOWEL_CHARS:
        i += 1
    return word[:i]


def _spelling_sound(word: str) -> int:
    """Letter-to-sound guess for a lower-case word not in the dictionary."""
    c0 = word[0]
    if c0 == "u":
        if len(word) <= 3 and "h" not in word and len(set(word)) == len(word) and \
                not any(c in _VOWEL_CHARS for c in word[1:]):
            return CONSONANT  # a short initialism, spelled "you-tee-eff" (utf, ucs; not uhm)
        if word.startswith(("unin", "unim", "unde", "unex")):
            return VOWEL
        if word.startswith(("uni", "ui", "uy")):
            return CONSONANT  # unist, Uighur, Uyghur
        if len(word) > 3 and word[1] not in _VOWEL_CHARS and word[2] in "lr" and \
                word[3] in "aeiou":
            return CONSONANT  # utricle, Utrecht
        # u + single consonant + vowel reads "you" (ukelele, udev, unist); u + cluster or
        # doubled consonant reads "uh" (ugly, umbrella, usher).
        if len(word) > 2 and word[1] not in _VOWEL_CHARS and word[2] in _VOWEL_CHARS and \
                word[1:3] not in ("sh", "ch", "th", "gh"):
            return CONSONANT if word[1] != "n" or word[2] == "i" else VOWEL
        return VOWEL
    if c0 == "e":
        return CONSONANT if word.startswith(("eu", "ew")) else VOWEL
    if c0 == "o":
        if word.startswith(("onc", "ouij")):
            return CONSONANT
        # one-: onesie, OneDrive, onetime (but onerous).
        return CONSONANT if word.startswith("one") and word[3:4] not in ("r", "i") else VOWEL
    if c0 in "ai":
        return VOWEL
    if c0 == "y":
        return VOWEL if len(word) > 1 and word[1] not in _VOWEL_CHARS else CONSONANT
    return CONSONANT


def _word_sound(low: str) -> Sound | None:
    """Sound of an ordinary lower-cased word (letters, maybe an apostrophe)."""
    table = _sound_table.load()
    cls = table.get(low)
    if cls is None and low.endswith("'s"):
        cls = table.get(low[:-2])
    if cls is None and low.endswith("s"):
        cls = table.get(low[:-1])
    if cls is not None:
        return Sound(cls, True)
    if not low.isascii():
        return None  # a foreign word (hôtel, perché): its sound is anyone's guess
    if low[0] not in "aeiouhy":
        if not low.isalpha():
            return None
        # Consonant letters read as consonants unless the word cannot start that way
        # ("mdast", "mpeg"-like names): then the first letter is spelled out.
        onset = _onset(low)
        if onset and onset not in _ONSETS and len(onset) < len(low):
            return Sound(letter_sound(low[0]), False)
        if not onset or onset in _ONSETS:
            return Sound(CONSONANT, True)
        return Sound(letter_sound(low[0]), False)
    if low[0] == "h":
        # A silent-h stem keeps its sound: heirdom, honourless.
        for n in range(len(low) - 1, 3, -1):
            if table.get(low[:n]) == VOWEL:
                return Sound(VOWEL, False)
    near = table.neighbour(low, min_common=max(5, len(low) * 2 // 3))
    if near is not None:
        return Sound(near, False)
    if low.startswith("un") and len(low) > 7 and table.get(low[2:]) == VOWEL:
        # un- before a dictionary word: "an unilluminating" (un + illuminating).
        return Sound(VOWEL, False)
    if not low.isalpha() or not low.isascii():
        return None  # a foreign word (hôtel): its sound is anyone's guess
    return Sound(_spelling_sound(low), False)


@functools.lru_cache(maxsize=8192)
def sound_of(word: str) -> Sound | None:
    """Initial sound of ``word`` as it stands after an article (token text, may carry
    hyphens, apostrophes, digits, inner periods)."""
    word = word.replace("’", "'").replace("‐", "-")
    if not word:
        return None
    if word[0] in "0123456789":
        m = _DIGITS.match(word)
        assert m is not None
        rest = word[m.end():]
        grouped = rest.startswith(",") and len(rest) > 3 and rest[1:4].isdigit()
        return number_sound(m.group(), grouped)
    if not word[0].isalpha():
        return None
    head = word.split("-", 1)[0]
    if "." in head:
        first = head.split(".", 1)[0]
        # Initialisms with periods: "U.S.", "e.g." -> the first letter is spelled. A longer
        # first part is read as it is written: a dotted name (functools.partial, os.path) or
        # a host name is read as its first word, "Ph.D." as Ph.
        if len(first) > 1:
            return sound_of(first)
        return Sound(letter_sound(head[0]), True)
    if len(head) == 1:
        # A letter ("an x-ray", "a U-turn", "an s"), or a single-letter word.
        if not head.isascii():
            greek = _GREEK.get(head.lower())
            if greek is not None:
                return Sound(greek, True)
            base = unicodedata.normalize("NFD", head)[0].lower()
            if not base.isascii() or not base.isalpha():
                return None
            # An accented vowel is a vowel sound (an Ä, an ü: not "you"); ç, ñ read as c, n.
            return Sound(VOWEL if base in "aeiou" else letter_sound(base), True)
        return Sound(letter_sound(head), True)
    if _reads_two_ways(head):
        return Sound(BOTH, True)
    if head.isalpha() and head.isascii() and not any(c in _VOWEL_CHARS for c in head.lower()) \
            and _sound_table.load().get(head.lower()) is None:
        # No vowel letter: spelled ("an Rh-negative", "an MP", "a CD").
        return Sound(letter_sound(head[0]), True)
    if "-" in word:
        pref = _PREFIX_SOUND.get(head.lower())
        if pref is not None and head.islower():
            return Sound(pref, True)
    if head[0].islower() and len(head) > 1 and head[1].isupper():
        # "an mDNS tool", "an iPhone", "an eBay listing": the small letter is spelled.
        return Sound(letter_sound(head[0]), True)
    if _is_acronym(head):
        return _acronym_sound(head)
    if "-" in word:
        whole = _sound_table.load().get(word.lower())
        if whole is not None:
            return Sound(whole, True)
    if not all(c.isalpha() or c == "'" for c in head):
        letters = "".join(c for c in head if c.isalpha())
        if not letters or not head[0].isalpha():
            return None
        # "h1", "mp3": letters with digits are spelled.
        if any(c.isdigit() for c in head) and len(letters) <= 3:
            return Sound(letter_sound(head[0]), True)
        head = letters if head.isascii() else head
    return _word_sound(head.lower())


def word_shaped_initialism(word: str) -> bool:
    """Three capitals the dictionary lacks that can be said as a word, consonant, vowel,
    consonant (NUL, NOP; but also NIH, FEC, which are spelled), read by the part before a
    hyphen or a dot (NUL-terminated)."""
    word = word.split("-", 1)[0].split(".", 1)[0]
    if len(word) != 3 or not word.isupper() or not word.isalpha() or not word.isascii():
        return False
    low = word.lower()
    return low[0] not in _VOWEL_CHARS and low[1] in "aeiou" and low[2] not in _VOWEL_CHARS \
        and _sound_table.load().get_spelled(low) is None


def _acronym_sound(head: str) -> Sound:
    letters = "".join(c for c in head if c.isalpha())
    low = letters.lower()
    spelled = letter_sound(letters[0])
    if any(c.isdigit() for c in head) or len(letters) == 2:
        # "an MA", "an SI unit", "a UP", "an MP3": two capitals are spelled.
        return Sound(spelled, True)
    if low[0] == "u":
        # Spelled ("a UFC fight") or read as a word, which then starts "you" too (UNESCO).
        return Sound(CONSONANT, True)
    table = _sound_table.load()
    cls = table.get_spelled(low)
    if cls is not None:
        if len(low) == 3 and _pronounceable(low):
            # RAF, LAN, NAT: said as a word or spelled; both are in use.
            return Sound(cls | spelled, True)
        return Sound(cls, True)
    if len(low) >= 4 and _pronounceable(low):
        # Perhaps read as a word (README, LIBERO) or spelled: accept either article.
        return Sound(spelled | _spelling_sound(low), False)
    return Sound(spelled, True)

