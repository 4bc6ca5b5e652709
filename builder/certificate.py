"""The certificate's verification code: a short code derived from the claims a certificate prints.

The learner's runtime (builder/assets/runtime/certificate.js) computes the same code from the same
record: SHA-256 of the JSON array [course id, version, learner's name (spaces collapsed), [[module
id, completed, score, minutes] …], total minutes], its first 40 bits written as eight Crockford
base-32 characters, "XXXX-XXXX". The code binds a printed certificate to the record file the
learner downloaded; `course verify RECORD.json --code XXXX-XXXX` checks both. It is a checksum,
not a signature: a static site holds no secret, so the regrading of the record's answers is what
makes a record trustworthy.
"""

from __future__ import annotations

import hashlib
import json

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O or U to misread
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def certificate_code(record: dict) -> str:
    course, learner, modules = _map(record.get("course")), _map(record.get("learner")), record.get("modules")
    name = " ".join(str(learner.get("name") or "").split())
    modules = [[m.get("id"), m.get("completed"), m.get("score"), m.get("minutes")]
               for m in (modules if isinstance(modules, list) else []) if isinstance(m, dict)]
    payload = json.dumps([course.get("id"), course.get("version"), name, modules, record.get("total_minutes")],
                         ensure_ascii=False, separators=(",", ":"))
    value = int.from_bytes(hashlib.sha256(payload.encode("utf-8")).digest()[:5], "big")
    chars = "".join(ALPHABET[(value >> (35 - 5 * i)) & 31] for i in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def normalise_code(text: str) -> str:
    """A code as typed ("abcd efgh", "ABCD-EFGH", with O for 0) in its printed form."""
    chars = "".join(c for c in text.upper().translate(_READ_AS) if c.isalnum())
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == 8 else chars


def _map(value) -> dict:
    return value if isinstance(value, dict) else {}
