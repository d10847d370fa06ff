"""XPath tests on the words of an element's class and id, lower-case or capitalised.

Themes name the same things in several cases: WordPress writes `entry-title`, ASP.NET sites
`NewsTitle` and `lblWriter`, so a test for "title" or "writer" also tries "Title" and "Writer".
Plain `contains()` on the two spellings costs a fraction of lower-casing every attribute with
`translate()`, which ran over every element of every page.
"""

from __future__ import annotations


def named(*words: str, attributes: tuple[str, ...] = ("class", "id")) -> str:
    """An XPath predicate (without brackets): some attribute contains one of `words`, written
    in lower case or capitalised (as a word inside a camel-case name).

    >>> from lxml.html import fragment_fromstring
    >>> box = fragment_fromstring('<div><span id="lblWriter">A</span><b class="x">B</b>'
    ...     '<i class="post-writer">C</i></div>')
    >>> [e.text for e in box.xpath(f".//*[{named('writer', 'author')}]")]
    ['A', 'C']
    >>> named("title", attributes=("class",))
    "contains(@class, 'title') or contains(@class, 'Title')"
    """
    spellings = dict.fromkeys(s for word in words for s in (word.lower(), word.capitalize()))
    tests = (f"contains(@{name}, '{spelling}')" for name in attributes for spelling in spellings)
    return " or ".join(tests)
