"""How requests are stored in the Redis queue: JSON, not scrapy-redis's default pickle.

Unpickling runs code: with pickle, anyone able to write to the Redis queue could run anything on
every worker. A request's dict (`Request.to_dict`) is plain data except for its bytes (headers,
body), which travel base64-encoded under a marker key; JSON is also smaller than pickle here.
"""

from __future__ import annotations

import base64
import json
from typing import Any

_BYTES = "\x00b64"


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {str(k if not isinstance(k, bytes) else k.decode("latin-1")): _encode(v)
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_BYTES}:
            return base64.b64decode(value[_BYTES])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dumps(obj: dict[str, Any]) -> bytes:
    """A request dict as compact JSON (the scrapy-redis serializer interface).

    >>> loads(dumps({"url": "http://x/", "body": b"", "headers": {b"A": [b"1"]}}))
    {'url': 'http://x/', 'body': b'', 'headers': {'A': [b'1']}}
    """
    return json.dumps(_encode(obj), ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes | str) -> dict[str, Any]:
    decoded: dict[str, Any] = _decode(json.loads(data))
    return decoded
