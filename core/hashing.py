"""Content hashes: one canonical JSON form, one algorithm, used for every hashed document."""

import hashlib
import json


def canonical_json(content) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(content) -> str:
    """SHA-256 of the canonical JSON of `content`, as 64 hex characters."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()
