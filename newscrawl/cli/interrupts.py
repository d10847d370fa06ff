"""Which signal stopped a crawl, so the exit status tells "interrupted" from "failed".

Scrapy installs its own SIGINT/SIGTERM handlers once the reactor runs and reports every such
stop as finish reason "shutdown" (or nothing at all after a second Ctrl-C). We wrap whatever
handler is installed then, through the public `signal` module only, and remember the first
signal; Scrapy's handler still does the stopping.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

WATCHED = (signal.SIGINT, signal.SIGTERM)
# The shell's convention: 128 + the signal number.
EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}


class InterruptRecorder:
    """Remembers the first shutdown signal received while the reactor runs."""

    def __init__(self, on_first: Callable[[], None] | None = None) -> None:
        self.signum: int | None = None
        self.on_first = on_first  # run in the reactor thread when the first signal comes

    def install(self) -> None:
        """Wrap the shutdown handlers once Scrapy has installed them (after reactor start-up).

        Call it after `CrawlerProcess.crawl()` (which installs the reactor) and before
        `start()`. Scrapy installs its handlers in an "after startup" trigger registered by
        `start()`, so ours waits one more turn of the reactor to run after it.
        """
        reactor = self._reactor()

        def wrap_soon() -> None:
            reactor.callLater(0, self._wrap_handlers)

        reactor.addSystemEventTrigger("after", "startup", wrap_soon)

    @staticmethod
    def _reactor() -> Any:
        from twisted.internet import reactor  # the installed one (imported late on purpose)

        return reactor  # typed Any: the stubs type the module, not the installed reactor

    def _wrap_handlers(self) -> None:
        for signum in WATCHED:
            current = signal.getsignal(signum)
            if callable(current):
                signal.signal(signum, self._recording(current))

    def _recording(self, handler: Callable[[int, FrameType | None], Any]) -> Callable:
        def record_then_handle(signum: int, frame: FrameType | None) -> Any:
            if self.signum is None:
                self.signum = signum
                if self.on_first is not None:
                    self._reactor().callFromThread(self.on_first)
            return handler(signum, frame)

        return record_then_handle

    @property
    def name(self) -> str | None:
        """ "SIGINT" or "SIGTERM" once one was received."""
        return signal.Signals(self.signum).name if self.signum is not None else None

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS.get(signal.Signals(self.signum), 1) if self.signum else 0
