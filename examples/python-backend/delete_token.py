"""Stateless delete tokens: HMAC-SHA256 over the caller, one object key and an expiry.

A finished upload's answer carries one, so its page can delete what it just uploaded for a short
window without the application deciding. The MAC covers a label of its own, so no upload token
ever passes for a delete token, nor the reverse. A token that is altered, expired, or another key's
or caller's is refused with 403 token-invalid.
"""

import hashlib
import hmac
import json
import time

from upload_token import TokenInvalid, _decode, _encode

LABEL = b"ferry-delete-token.v1."


class DeleteTokens:
    def __init__(self, secret: str):
        if len(secret.encode()) < 32:
            raise ValueError("The delete token secret must be at least 32 bytes long.")
        self._secret = secret.encode()

    def _mac(self, payload: str) -> str:
        return _encode(hmac.new(self._secret, LABEL + payload.encode("ascii"), hashlib.sha256).digest())

    def issue(self, *, user: str, key: str, expires: int) -> str:
        """A token that lets `user` delete `key` until `expires` (seconds since the epoch)."""
        claims = {"user": user, "key": key, "exp": expires}
        payload = _encode(json.dumps(claims, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(payload)}"

    def verify(self, token: str, *, key: str, user: str) -> dict:
        """The claims of a valid token for this key and caller; raises TokenInvalid otherwise."""
        parts = token.split(".")
        if len(parts) != 2 or not all(parts):
            raise TokenInvalid("The delete token is malformed.")
        payload, mac = parts
        if not hmac.compare_digest(self._mac(payload), mac):
            raise TokenInvalid("The delete token is not valid.")
        claims = json.loads(_decode(payload))
        if claims["exp"] < time.time():
            raise TokenInvalid("The delete token has expired: its window to delete the upload is over.")
        if claims["key"] != key:
            raise TokenInvalid("The delete token is for another object.")
        if claims["user"] != user:
            raise TokenInvalid("The delete token belongs to another user.")
        return claims
