"""The page texts behind the search summaries (leren.sphinx.searchtexts), without a browser."""

from leren.sphinx.searchtexts import page_text

PAGE = """<html><body><nav>Menu Zoeken</nav>
<main role="main"><div class="bd-header-article">Inhoud van deze pagina</div>
<article class="bd-article" role="main"><section><h1>Spanningen<a class="headerlink" href="#x">#</a></h1>
<p>Een <em>spanning</em> is een&nbsp;kans &amp; een vraag.</p><br>
<script>var geheim = "niet tonen";</script><style>p{}</style>
<form class="leren-zelftoets"><button>Controleer</button></form>
<p>Tweede   alinea</p></section></article></main><footer>Voet</footer></body></html>"""


def test_page_text_is_the_articles_visible_text():
    assert page_text(PAGE) == "Spanningen Een spanning is een kans & een vraag. Tweede alinea"


def test_page_text_of_a_page_without_an_article_is_empty():
    assert page_text("<html><body><p>Alleen navigatie</p></body></html>") == ""
