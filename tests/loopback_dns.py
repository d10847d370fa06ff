"""A Scrapy DNS resolver that sends the reserved test TLD `.مثال` to loopback.

IANA reserves `.مثال` (`xn--mgbh0fb`) for tests: no real host can live there, so a crawl of
`http://أخبار.مثال:PORT/` in a test reaches the loopback fixture server and nothing else. Set
`TWISTED_DNS_RESOLVER = "loopback_dns.LoopbackResolver"` in the crawl (the harness child runs
with `tests/` first on its path). Every other name goes to the project's own resolver.
"""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.resolver import CachingHostnameResolver, HostResolution
from twisted.internet.address import IPv4Address
from twisted.internet.interfaces import IAddress, IHostResolution, IResolutionReceiver

TEST_TLD = "xn--mgbh0fb"


def is_test_host(name: str) -> bool:
    """Whether `name` (as the downloader asks for it: IDNA, lower case) is under `.مثال`.

    >>> is_test_host("xn--igbicxr.xn--mgbh0fb"), is_test_host("example.com")
    (True, False)
    """
    return name.lower().rstrip(".").rsplit(".", 1)[-1] == TEST_TLD


class LoopbackResolver(CachingHostnameResolver):
    def resolveHostName(
        self,
        resolutionReceiver: IResolutionReceiver,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> IHostResolution:
        if not is_test_host(hostName):
            return super().resolveHostName(
                resolutionReceiver, hostName, portNumber, addressTypes, transportSemantics
            )
        resolution = HostResolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        resolutionReceiver.addressResolved(IPv4Address("TCP", "127.0.0.1", portNumber))
        resolutionReceiver.resolutionComplete()
        return resolution
