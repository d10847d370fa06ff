"""robots.txt rules: what may be fetched, how slowly, and which sitemaps the site declares."""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """Parsed robots.txt; an empty or missing file allows everything."""

    parser: Protego | None
    user_agent: str

    @classmethod
    def parse(cls, body: bytes, user_agent: str) -> RobotsRules:
        """Rules from a robots.txt body (undecodable bytes are replaced, never fatal).

        >>> rules = RobotsRules.parse(b"User-agent: *\\nDisallow: /private/\\nCrawl-delay: 2\\n"
        ...     b"Sitemap: https://x.com/news.xml\\n", "newscrawl/0.1")
        >>> rules.allowed("https://x.com/private/a"), rules.allowed("https://x.com/news/1")
        (False, True)
        >>> rules.crawl_delay, rules.sitemaps
        (2.0, ['https://x.com/news.xml'])
        """
        text = body.decode("utf-8", errors="replace")
        return cls(Protego.parse(text), user_agent)

    @classmethod
    def allow_all(cls, user_agent: str) -> RobotsRules:
        return cls(None, user_agent)

    def allowed(self, url: str) -> bool:
        return self.parser is None or bool(self.parser.can_fetch(url, self.user_agent))

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> list[str]:
        return [] if self.parser is None else [s.strip() for s in self.parser.sitemaps if s.strip()]
