"""Stateless upload tokens: HMAC-SHA256 over the claims, so any number of servers can check them.

A token binds the caller, the upload id, the object key and the plan (size, part size) until it
expires. Every call after create must carry it; anything else is refused with 403 token-invalid.
"""

import base64
import hashlib
import hmac
import json
import time


class TokenInvalid(Exception):
    """The token is missing, altered, expired, or another upload's, key's or caller's."""


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class UploadTokens:
    def __init__(self, secret: str, lifetime_seconds: int = 86_400):
        if len(secret.encode()) < 32:
            raise ValueError("The upload token secret must be at least 32 bytes long.")
        self._secret = secret.encode()
        self._lifetime = lifetime_seconds

    def _mac(self, payload: str) -> str:
        return _encode(hmac.new(self._secret, payload.encode("ascii"), hashlib.sha256).digest())

    def issue(self, *, user: str, key: str, upload_id: str, size: int, part_size: int) -> str:
        claims = {
            "user": user,
            "key": key,
            "uploadId": upload_id,
            "size": size,
            "partSize": part_size,
            "exp": int(time.time()) + self._lifetime,
        }
        payload = _encode(json.dumps(claims, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(payload)}"

    def verify(self, token, *, upload_id: str, key: str, user: str) -> dict:
        """The claims of a valid token for this upload, key and caller; raises TokenInvalid otherwise."""
        if not token:
            raise TokenInvalid("The upload token is missing (send the token from create-multipart).")
        parts = token.split(".")
        if len(parts) != 2 or not all(parts):
            raise TokenInvalid("The upload token is malformed.")
        payload, mac = parts
        if not hmac.compare_digest(self._mac(payload), mac):
            raise TokenInvalid("The upload token is not valid.")
        claims = json.loads(_decode(payload))
        if claims["exp"] < time.time():
            raise TokenInvalid("The upload token has expired.")
        if claims["uploadId"] != upload_id or claims["key"] != key:
            raise TokenInvalid("The upload token belongs to another upload.")
        if claims["user"] != user:
            raise TokenInvalid("The upload token belongs to another user.")
        return claims
