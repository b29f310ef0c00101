"""Personalisation text is shown literally in every format and never interpreted as markup.

The text is full of characters that mean something in Typst, HTML, Markdown or XML: quotes, `#`,
`$`, `*`, `_`, `<script>`, backslashes, brackets, right-to-left text, emoji and very long strings.
"""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from worksheet_tools import (
    docx_text,
    fixture_catalog,
    markdown_to_html,
    parse_html,
    pdf_body_text,
    pdf_reader,
    spaced,
    squash,
)

from leren.text import clean
from leren.worksheets import build, render
from leren.worksheets.personalisation import Personalisation

CATALOG = fixture_catalog()
SHEET = CATALOG.worksheets["alle-velden"]

LATIN = string.ascii_letters + string.digits + "éëïöüèàçñÉËÏÖÜ"
PUNCTUATION = string.punctuation  # every ASCII markup character: # $ * _ < > \ [ ] { } ` ~ | & ...
HEBREW = "".join(chr(c) for c in range(0x05D0, 0x05EB))
ARABIC = "".join(chr(c) for c in range(0x0627, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B))
LAM_ALEF = "\u0644\u0627"  # drawn as one ligature glyph
EMOJI = ["😀", "🎉", "👩‍👩‍👧", "👍🏽", "🇳🇱", "❤️"]
NASTY = [
    "<script>alert('x')</script>", '#set page(paper: "a5")', "#import \"x.typ\": *", "$x^2$", "*vet*",
    "_schuin_", "**", "\\", "\\\\", "[link](https://voorbeeld.nl)", "]]", "{{ x }}", "`code`", "&amp;",
    "&lt;b&gt;", "<b>", "# Kop", "= Kop", "- item", "1. item", "| a | b |", "~~weg~~", "@label",
    "<label>", "// niet", "/* niet */", '"aanhalingstekens"', "'enkel'", "--", "...", "%(naam)s",
]

latin_token = st.text(alphabet=LATIN + PUNCTUATION, min_size=1, max_size=12)
rtl_token = st.text(alphabet=HEBREW, min_size=1, max_size=8) | st.text(alphabet=ARABIC, min_size=1, max_size=8)
token = st.one_of(latin_token, latin_token, st.sampled_from(NASTY), rtl_token, st.sampled_from(EMOJI))
phrase = st.lists(token, min_size=1, max_size=8).map(" ".join)
long_phrase = phrase.map(lambda p: (p + " ") * (10_000 // (len(p) + 1) + 1)).map(lambda p: p[:10_000])
personal_text = st.one_of(*[phrase] * 9, long_phrase)  # one text in ten is 10,000 characters long
# Reading a PDF of ten pages back costs pypdf a second or more, so the PDF property test keeps to
# phrases; `test_ten_thousand_characters_in_every_field` puts 10,000 characters in every format.
pdf_personal_text = phrase
any_text = st.text(max_size=200)  # anything at all, control characters included


@st.composite
def personalisations(draw, text=personal_text):
    return Personalisation(
        group=draw(text),
        trainer=draw(text),
        organisation=draw(text),
        questions=tuple(draw(st.lists(text, min_size=0, max_size=1))),
    )


def shown(personal: Personalisation) -> list[str]:
    """The cleaned texts that must appear, as the document shows them."""
    texts = [clean(personal.group), clean(personal.trainer), clean(personal.organisation)]
    texts += [clean(q) for q in personal.questions]
    return [t for t in texts if t]


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def pdf_checkable_tokens(text: str) -> list[str]:
    """Tokens whose glyphs the embedded fonts have and whose order survives bidi reordering.

    Emoji are not in Typst's embedded fonts, so they cannot appear as text in the PDF; the rest of
    such a text still must. Next to right-to-left words, digits and punctuation are legitimately
    drawn in another order (Unicode bidi algorithm), so in such a text only tokens of letters of one
    script are checked.
    """
    out = []
    rtl = has_rtl(text)
    for tok in text.split(" "):
        if not tok or any(c not in LATIN + PUNCTUATION + HEBREW + ARABIC for c in tok) or LAM_ALEF in tok:
            continue
        if rtl and not (all(c in HEBREW for c in tok) or all(c in ARABIC for c in tok)
                        or all(c.isalpha() and c in LATIN for c in tok)):
            continue
        out.append(tok)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(personalisations(text=pdf_personal_text))
def test_pdf_shows_personal_text_literally(personal):
    doc = build(SHEET, CATALOG, personal)
    data = render(doc, "pdf")
    reader = pdf_reader(data)
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)  # no markup changed the page
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    first_page = squash(reader.pages[0].extract_text())
    for detail in doc.header:  # the running header, shortened where needed
        for tok in pdf_checkable_tokens(detail.value):
            assert squash(tok) in first_page, tok
    body = pdf_body_text(data, doc)  # the full texts: details and extra questions
    for text in [d.value for d in doc.details] + [f.label for f in doc.fields if f.added]:
        for tok in pdf_checkable_tokens(text):
            assert squash(tok) in body, tok
    for text in shown(personal):  # every text is in the header or in full in the body
        assert any(text == d.value for d in doc.details) or any(text == f.label for f in doc.fields) or \
            any(text.startswith(d.value.rstrip("…")) for d in doc.header)


@settings(max_examples=40, deadline=None)
@given(personalisations())
def test_docx_shows_personal_text_literally(personal):
    text = docx_text(render(build(SHEET, CATALOG, personal), "docx"))
    for expected in shown(personal):
        assert expected in text


@settings(max_examples=80, deadline=None)
@given(personalisations())
def test_html_shows_personal_text_literally(personal):
    source = render(build(SHEET, CATALOG, personal), "html").decode("utf-8")
    parsed = parse_html(source)
    assert parsed.errors == []
    assert not {"script", "b"} & {tag for tag, _ in parsed.tags}  # no tag from the input became a tag
    text = spaced(parsed.text)
    for expected in shown(personal):
        assert expected in text


@settings(max_examples=80, deadline=None)
@given(personalisations())
def test_markdown_shows_personal_text_literally(personal):
    source = render(build(SHEET, CATALOG, personal), "md").decode("utf-8")
    parsed = parse_html(markdown_to_html(source))
    assert "script" not in [tag for tag, _ in parsed.tags]
    text = spaced(parsed.text)
    for expected in shown(personal):
        assert expected in text


@settings(max_examples=15, deadline=None)
@given(personalisations(text=any_text))
def test_any_text_at_all_renders_in_every_format(personal):
    doc = build(SHEET, CATALOG, personal)
    for fmt in ("pdf", "docx", "html", "md"):
        assert render(doc, fmt)
    assert all(clean(t) == t for t in shown(personal))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_ten_thousand_characters_in_every_field(fmt):
    long_text = ("Wijkteam <b>Oost</b> & #1 $5 *x* _y_ [z] \\ " * 300)[:10_000]
    personal = Personalisation(group=long_text, trainer=long_text, organisation=long_text,
                               questions=(long_text,))
    doc = build(SHEET, CATALOG, personal)
    data = render(doc, fmt)
    expected = clean(long_text)
    if fmt == "pdf":
        assert squash(expected) in pdf_body_text(data, doc)
    elif fmt == "docx":
        assert expected in docx_text(data)
    elif fmt == "html":
        assert expected in spaced(parse_html(data.decode()).text)
    else:
        assert expected in spaced(parse_html(markdown_to_html(data.decode())).text)


def test_typst_markup_in_personal_text_is_not_evaluated():
    personal = Personalisation(group='#set page(paper: "a5")', trainer="$x^2$ *vet* = Kop",
                               questions=('#box(fill: red)[x] #heading[y]',))
    doc = build(SHEET, CATALOG, personal)
    reader = pdf_reader(render(doc, "pdf"))
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)
    text = squash("".join(p.extract_text() for p in reader.pages))
    for expected in ('Groep: #set page(paper: "a5")', "Trainer: $x^2$ *vet* = Kop", "#box(fill: red)[x] #heading[y]"):
        assert squash(expected) in text


def test_emoji_fall_back_to_a_tagged_pdf_without_breaking():
    personal = Personalisation(group="Team Zon 😀", trainer="שלום עולם")
    doc = build(SHEET, CATALOG, personal)
    reader = pdf_reader(render(doc, "pdf"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert reader.metadata.title == doc.title
    text = squash(reader.pages[0].extract_text())
    assert "TeamZon" in text and "שלום" in text and "עולם" in text
