import pytest

from textlint.langcodes import LANGUAGE_CODE, normalize

CODES = [
    ("en", "en"), ("EN", "en"), ("eng", "en"), ("en-gb", "en-GB"), ("pt_br", "pt-BR"),
    ("por-BR", "pt-BR"), ("ger", "de"), ("deu", "de"), ("zh-hant-tw", "zh-Hant-TW"),
    ("es-419", "es-419"), ("fil", "fil"), ("xx", "xx"),
]


@pytest.mark.parametrize(("code", "canonical"), CODES, ids=[c for c, _ in CODES])
def test_normalize(code: str, canonical: str) -> None:
    assert LANGUAGE_CODE.match(code)
    assert normalize(code) == canonical


@pytest.mark.parametrize("code", ["english", "e", "en-", "en gb", "12", "en\n"])
def test_not_a_code(code: str) -> None:
    assert not LANGUAGE_CODE.match(code)
