"""The connection to Redis of a distributed crawl: every command waits out an outage, bounded.

redis-py retries a command through the client's `Retry` object, at the connection level, for every
caller (our store and frontier, scrapy-redis, pipelines, scripts): `PatientRetry` keeps retrying
connection errors and `LOADING` (a restarted Redis reading its data back) with exponential
backoff until `patience` seconds have passed since the first failure, then gives up once, through
`RedisHealth.on_give_up`. Workers never see a blip; a Redis that stays down ends them.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

SCHEMES = ("redis", "rediss", "unix")
DEFAULT_PATIENCE = 60.0


class RedisUnavailableError(Exception):
    """Redis did not answer for longer than the patience allows.

    Not a redis `ConnectionError`: an outer retry (a command retrying its connect) must not
    start a second round of waiting.
    """


def check_redis_url(url: str) -> str:
    """`url` when it names a Redis server, else `ValueError` saying what is expected.

    >>> check_redis_url("redis://127.0.0.1:6379/0")
    'redis://127.0.0.1:6379/0'
    >>> check_redis_url("http://x")
    Traceback (most recent call last):
    ValueError: expected redis://HOST:PORT/DB (or rediss://, unix://), got 'http://x'
    """
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not (parts.netloc or parts.path):
        raise ValueError(f"expected redis://HOST:PORT/DB (or rediss://, unix://), got {url!r}")
    return url


def as_text(value: bytes | str) -> str:
    """A Redis reply as text (the client returns bytes).

    >>> as_text(b"w1"), as_text("w1")
    ('w1', 'w1')
    """
    return value.decode() if isinstance(value, bytes) else value


def display_url(url: str) -> str:
    """The URL without its password, for messages.

    >>> display_url("redis://:secret@10.0.0.5:6379/2")
    'redis://10.0.0.5:6379/2'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


@dataclass
class RedisHealth:
    """What the crawl knows about its Redis link: outages seen and what to do on giving up."""

    url: str
    patience: float = DEFAULT_PATIENCE
    on_give_up: Callable[[str], None] | None = None
    last_failure: float | None = None
    """monotonic() of the last failed command (the reaper waits after an outage, see reaper)."""
    failures: int = 0
    _gave_up: bool = field(default=False, repr=False)

    def failed(self) -> None:
        self.failures += 1
        self.last_failure = time.monotonic()

    def quiet_for(self, now: float | None = None) -> float:
        """Seconds since the last failure (infinite when there was none)."""
        if self.last_failure is None:
            return float("inf")
        return (time.monotonic() if now is None else now) - self.last_failure

    def give_up(self, error: BaseException) -> RedisUnavailableError:
        message = (
            f"redis unavailable at {display_url(self.url)} for {self.patience:.0f}s ({error}); "
            "stopping: in-flight work returns to the queue when Redis is back"
        )
        if not self._gave_up and self.on_give_up is not None:
            self._gave_up = True
            self.on_give_up(message)
        return RedisUnavailableError(message)


class PatientRetry(Retry):
    """Retry connection errors until `health.patience` seconds have passed, then give up."""

    def __init__(self, health: RedisHealth) -> None:
        super().__init__(
            ExponentialBackoff(cap=2.0, base=0.05),
            retries=1 << 30,  # bounded by time, not count (redis-py reads this number)
            supported_errors=(RedisConnectionError, RedisTimeoutError, socket.timeout),
        )
        self.health = health

    def __deepcopy__(self, memo: dict[int, Any]) -> PatientRetry:
        # redis-py deep-copies the retry into its pool: keep one shared health record
        return self

    def call_with_retry(
        self,
        do: Callable[[], Any],
        fail: Callable[..., Any],
        is_retryable: Callable[[Exception], bool] | None = None,
        with_failure_count: bool = False,
    ) -> Any:
        failures = 0
        deadline: float | None = None
        while True:
            try:
                return do()
            except self._supported_errors as error:
                if is_retryable is not None and not is_retryable(error):
                    raise
                failures += 1
                self.health.failed()
                if with_failure_count:
                    fail(error, failures)
                else:
                    fail(error)
                now = time.monotonic()
                deadline = deadline or now + self.health.patience
                if now >= deadline:
                    raise self.health.give_up(error) from error
                time.sleep(min(self._backoff.compute(failures), max(0.0, deadline - now)))


def connect(health: RedisHealth) -> redis.Redis:
    """A client for `health.url` whose commands wait out outages (see `PatientRetry`)."""
    return redis.Redis.from_url(
        check_redis_url(health.url),
        retry=PatientRetry(health),
        socket_timeout=10.0,
        socket_connect_timeout=5.0,
        health_check_interval=15,
    )
