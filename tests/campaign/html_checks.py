"""A few structural checks on a rendered page: what a screen reader and a validator would trip on."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []  # levels in document order
        self.ids = []
        self.images_without_alt = []
        self.external = []  # resources the browser would load from another origin
        self.lang = {}  # lang attribute -> text inside elements carrying it
        self.html_lang = None
        self.open_tags = []
        self._lang_stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt.append(attrs.get("src"))
        source = attrs.get("src") if tag in {"img", "script", "iframe", "audio", "video"} else None
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "modulepreload"}:
            source = attrs.get("href")
        if source and (source.startswith("//") or "://" in source):
            self.external.append(source)
        if tag not in VOID:
            self.open_tags.append(tag)
            self._lang_stack.append(attrs.get("lang") if tag != "html" else None)
            if attrs.get("lang") and tag != "html":
                self.lang.setdefault(attrs["lang"], [])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.open_tags and self.open_tags[-1] == tag, f"</{tag}> closes <{self.open_tags[-1:]}>"
        self.open_tags.pop()
        self._lang_stack.pop()

    def handle_data(self, data):
        for lang in self._lang_stack:
            if lang:
                self.lang[lang].append(data.strip())


def check_page(html):
    page = PageStructure()
    page.feed(html)
    page.close()
    assert not page.open_tags, f"unclosed: {page.open_tags}"
    assert page.headings.count(1) == 1, f"one h1, got {page.headings}"
    assert page.headings[0] == 1, f"the first heading is the h1: {page.headings}"
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"heading level skipped: h{before} then h{after} in {page.headings}"
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert page.images_without_alt == []
    assert page.external == []
    assert page.html_lang
    return page
