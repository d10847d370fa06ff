"""The Redis pieces of a distributed crawl, against a real redis-server on a loopback port:
the `StateStore` on Redis, the shared near-duplicate index, the frontier's lease protocol, the
shared site facts, and the connection's patience with a Redis that is down."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from newscrawl.distributed.frontier import Frontier
from newscrawl.distributed.keys import CrawlKeys
from newscrawl.distributed.sitefacts import RedisSiteFacts
from newscrawl.fingerprints import body_fingerprint, fingerprint_bytes
from newscrawl.spiders.sitefacts import NO_OWNER, PAGE_OWNER
from newscrawl.state.base import DoneMark, Validators
from newscrawl.state.redis_link import RedisHealth, RedisUnavailableError, connect
from newscrawl.state.redis_store import RedisStateStore
from tests.redis_server import RedisServer, free_port, needs_redis

pytestmark = needs_redis
PREFIX = "newscrawl:test"
TEXT = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسما للطوارئ والعناية"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    running = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def client(server: RedisServer) -> redis.Redis:
    connection = server.client()
    connection.flushall()
    return connection


def store(client: redis.Redis, owner: str = "w1", **kwargs: object) -> RedisStateStore:
    return RedisStateStore(client, PREFIX, owner=owner, **kwargs)  # type: ignore[arg-type]


def test_done_marks_aliases_and_offsets_land_together(client: redis.Redis) -> None:
    first = store(client)
    first.register_output("/out/w1.jsonl", 0)
    mark = DoneMark("https://a.example/1", "a", "h1", "2026-03-01T10:00:00+00:00",
                    aliases=("https://a.example/?p=1",), output="/out/w1.jsonl")  # fmt: skip
    first.commit_done([mark], {"/out/w1.jsonl": 120})
    other = store(client, owner="w2")  # another worker sees it at once
    assert other.known_article("https://a.example/?p=1") == other.known_article(mark.url)
    assert other.known_article(mark.url).content_hash == "h1"  # type: ignore[union-attr]
    assert other.url_for_content("h1") == mark.url and other.url_for_content("h2") is None
    assert first.output_offsets() == {"/out/w1.jsonl": 120}
    assert other.output_offsets() == {}  # a worker reconciles only its own files


def test_lost_lines_make_articles_undone(client: redis.Redis) -> None:
    state = store(client)
    marks = [DoneMark(f"https://a.example/{n}", "a", f"h{n}", output="/o.jsonl") for n in (1, 2)]
    state.commit_done(marks, {"/o.jsonl": 10})
    assert state.forget_lost("/o.jsonl", {"https://a.example/1"}, unattributed=False) == [
        "https://a.example/2"
    ]
    assert state.known_article("https://a.example/2") is None
    assert state.url_for_content("h2") is None and state.url_for_content("h1") is not None


def test_validators_wait_for_a_clean_crawl(client: redis.Redis) -> None:
    clean = {"value": False}
    state = store(client, may_save_validators=lambda: clean["value"])
    state.save_validators({"https://a.example/sitemap.xml": Validators('"e1"', None)})
    assert state.validators("https://a.example/sitemap.xml") is None
    clean["value"] = True
    state.save_validators({"https://a.example/sitemap.xml": Validators('"e1"', None)})
    assert state.validators("https://a.example/sitemap.xml") == Validators('"e1"', None)


def test_runs_and_site_facts(client: redis.Redis) -> None:
    state = store(client)
    state.start_run("r1")
    state.commit_done([DoneMark("https://a.example/1", "a")], {})
    state.finish_run("r1", "finished")
    assert state.last_run().finish_reason == "finished"  # type: ignore[union-attr]
    assert state.site_last_run("a").run_id == "r1"  # type: ignore[union-attr]
    state.save_site_fact("a", "clock", '{"offset": 3}')
    assert store(client, owner="w2").site_fact("a", "clock") == '{"offset": 3}'


def test_near_duplicate_index_is_shared_once_committed(client: redis.Redis) -> None:
    writer, reader = store(client), store(client, owner="w2")
    original, copy = body_fingerprint(TEXT), body_fingerprint(TEXT + " وذلك بحضور المحافظ")
    writer.index.add("https://a.example/1", original)
    assert writer.index.match("https://b.example/9", copy) == "https://a.example/1"  # pending
    assert reader.index.match("https://b.example/9", copy) is None  # not written yet
    mark = DoneMark("https://a.example/1", "a", signature=fingerprint_bytes(original))
    writer.commit_done([mark], {})
    assert reader.index.match("https://b.example/9", copy) == "https://a.example/1"
    assert reader.index.match("https://a.example/1", original) is None  # never itself
    assert dict(reader.signatures()) == {"https://a.example/1": fingerprint_bytes(original)}
    reader.forget_lost("", set(), unattributed=True)
    assert reader.index.match("https://b.example/9", copy) is None


def frontier(client: redis.Redis, worker: str) -> Frontier:
    keys = CrawlKeys("test", "c1")
    client.sadd(keys.frontier("workers"), worker)
    return Frontier(client, keys, worker)


def test_a_leased_request_returns_to_the_queue_when_its_worker_goes(client: redis.Redis) -> None:
    one, two = frontier(client, "w1"), frontier(client, "w2")
    assert one.push(b"r1", -20, "fp1", None) and not one.push(b"r1", -20, "fp1", None)
    one.push(b"r0", -100, "fp0", None)
    _lease, data = one.pop()  # type: ignore[misc]
    assert data == b"r0" and one.queued() == 1 and not two.drained()
    assert two.release(worker="w1") == 1  # the reaper: back in the queue, w1 unregistered
    assert [two.pop()[1], two.pop()[1]] == [b"r0", b"r1"]  # type: ignore[index]
    assert not two.drained()
    two.ack(*two.leases())
    assert two.drained()


def test_a_replacing_request_acknowledges_its_parent(client: redis.Redis) -> None:
    one = frontier(client, "w1")
    one.push(b"first", 0, "fp1", None)
    lease, _data = one.pop()  # type: ignore[misc]
    assert one.push(b"redirected", 0, "fp2", lease) and one.leases() == set()
    lease, _data = one.pop()  # type: ignore[misc]
    assert not one.push(b"again", 0, "fp2", lease) and one.leases() == set()  # filtered: acked


def test_write_claims(client: redis.Redis) -> None:
    one, two = frontier(client, "w1"), frontier(client, "w2")
    assert one.claim(["url:a", "body:h"]) == 0
    assert two.claim(["url:b", "body:h"]) == 2  # the same body, written by w1
    assert one.claim(["url:a"]) == 0  # its own claim
    one.unclaim(["url:a", "body:h"])
    assert two.claim(["url:a", "body:h"]) == 0
    two.release()  # a worker that leaves frees its claims
    assert one.claim(["url:a"]) == 0


def test_site_facts_admit_again_for_the_same_page(client: redis.Redis) -> None:
    facts = RedisSiteFacts(client, CrawlKeys("test", "c1"), "site")
    assert facts.claim("k1", "page-a", "pages", 2) and not facts.seen("k1", "page-a")
    assert facts.seen("k1", "page-b")  # another page's link to it: already claimed
    assert facts.claim("k1", "page-a", "pages", 2)  # page-a handled again: admitted again
    facts.mark_seen(["k2"])
    assert facts.seen("k2", NO_OWNER) and facts.seen("k2", PAGE_OWNER) is False
    assert facts.claim("k3", NO_OWNER, "pages", 2) and not facts.claim("k4", NO_OWNER, "pages", 2)
    facts.document_requested("robots")
    facts.document_requested("robots")  # requested again after a restart: counted once
    facts.document_requested("sitemap")
    assert [facts.document_done("robots"), facts.document_done("robots")] == [1, 1]
    assert facts.document_done("sitemap") == 0
    assert facts.claim_once("home", "sitemap") and facts.claim_once("home", "sitemap")
    assert not facts.claim_once("home", "robots")


def test_commands_wait_for_redis_then_give_up(tmp_path: Path) -> None:
    port = free_port()
    gave_up: list[str] = []
    health = RedisHealth(f"redis://127.0.0.1:{port}/0", patience=1.0, on_give_up=gave_up.append)
    started = time.monotonic()
    with pytest.raises(RedisUnavailableError, match=r"redis unavailable at redis://127\.0\.0\.1"):
        connect(health).ping()
    assert 1.0 <= time.monotonic() - started < 5 and len(gave_up) == 1

    late = RedisServer(tmp_path / "late", port=port)
    starter = threading.Timer(0.5, late.start)
    starter.start()
    try:
        patient = RedisHealth(f"redis://127.0.0.1:{port}/0", patience=10.0)
        assert connect(patient).ping()  # waited for the server to come up
        assert patient.failures > 0
    finally:
        starter.join()
        late.stop()
