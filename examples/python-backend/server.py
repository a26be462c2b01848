#!/usr/bin/env python3
"""Ferry's signing endpoint in Python: the standard library's http.server and boto3's presigner.

It implements the protocol in packages/conformance/openapi.yaml (the routes, the upload token, the
error codes and size-locked URLs, per-file user metadata and the delete route with its delete
tokens) for S3 and S3-compatible stores, and passes `ferry-conformance`.

    FERRY_BUCKET=uploads FERRY_SECRET=... python3 server.py --port 8080

Environment: FERRY_BUCKET (required), FERRY_SECRET (at least 32 bytes, required), FERRY_REGION
(us-east-1), FERRY_ENDPOINT (a custom store: MinIO, R2, a local store; path-style URLs),
FERRY_ACCESS_KEY_ID / FERRY_SECRET_ACCESS_KEY (else boto3's own chain), FERRY_BASE_PATH
(/api/uploads), FERRY_URL_LIFETIME (900 seconds), FERRY_METADATA (user metadata names stored with
objects, comma-separated; none by default), FERRY_DELETE_WINDOW (600 seconds a finished upload's
delete token lasts; 0 issues none).
"""

import argparse
import json
import math
import os
import re
import sys
import time
import unicodedata
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from delete_token import DeleteTokens
from upload_token import TokenInvalid, UploadTokens

# Amazon S3's multipart limits (STORE_PROFILES.s3 in @ferry/core/protocol).
MIN_PART_SIZE = 5 * 1024**2
MAX_PART_SIZE = 5 * 1024**3
MAX_PARTS = 10_000
MAX_SINGLE_PUT = 5 * 1024**3
MAX_OBJECT_SIZE = MAX_PARTS * MAX_PART_SIZE

BODY_LIMIT = 1024 * 1024  # JSON bodies: a complete call for 10,000 parts fits
MAX_BATCH = 1000
MAX_FILENAME = 4096

# The protocol's error codes and their HTTP status (WIRE_ERROR_STATUS in @ferry/core/protocol).
STATUS = {
    "bad-request": 400,
    "metadata-not-allowed": 400,
    "unauthorized": 401,
    "token-invalid": 403,
    "delete-not-allowed": 403,
    "origin-not-allowed": 403,
    "not-found": 404,
    "method-not-allowed": 405,
    "too-large": 413,
    "type-not-allowed": 415,
    "internal": 500,
    "storage": 502,
}

TOKEN_HEADER = "X-Ferry-Upload-Token"
DELETE_TOKEN_HEADER = "X-Ferry-Delete-Token"
MAX_METADATA_BYTES = 2048  # S3's limit for user metadata, names and values together
KEY_ONLY_METADATA = {"relativepath"}  # for the key function only: never stored nor refused
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
PRINTABLE = re.compile(r"^[\x20-\x7e]*$")
MIME_TYPE = re.compile(r"^[\w.+-]+/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$")


class Refusal(Exception):
    """A refusal the handler answers as {code, message} with the code's status."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# --- Input checks --------------------------------------------------------------------------------


def require_string(value, name: str, max_length: int = 1024) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= max_length:
        raise Refusal("bad-request", f"{name} must be a string of 1 to {max_length} characters.")
    return value


def require_int(value, name: str, low: int, high: int) -> int:
    """A whole number in [low, high]; digit strings (query parameters) count."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Refusal("bad-request", f"{name} must be a whole number from {low} to {high}.")
    return value


def require_type(value) -> str:
    if value in (None, ""):
        return "application/octet-stream"
    if not isinstance(value, str) or len(value) > 255 or not MIME_TYPE.match(value):
        raise Refusal("bad-request", "type must be a MIME type such as image/png.")
    return value


def bracketed(query: dict, name: str):
    """`name[k]=v` query parameters as a dict, or None when there are none."""
    found = {k[len(name) + 1 : -1]: v for k, v in query.items() if k.startswith(name + "[") and k.endswith("]")}
    return found or None


def require_strings(value, name: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise Refusal("bad-request", f"{name} must be an object of strings.")
    return value


def stored_metadata(allowed: set, metadata: dict, cache_control, tags) -> dict:
    """The user metadata to store (lower-case names) under the policy; Refusal for anything else.

    This example stores no Cache-Control and no tags: asking for them is refused, never ignored.
    """
    if cache_control is not None or tags is not None:
        raise Refusal("metadata-not-allowed", "This server stores no Cache-Control or tags with uploads.")
    if not allowed:
        return {}  # no policy: metadata only reaches the key function (here: unused)
    stored = {}
    for name, value in metadata.items():
        lower = name.lower()
        if lower in KEY_ONLY_METADATA:
            continue
        if lower not in allowed or not HEADER_NAME.match(name):
            raise Refusal("metadata-not-allowed", f"Metadata {name} is not allowed here.")
        if not PRINTABLE.match(value):
            raise Refusal("metadata-not-allowed", f"Metadata {name} must be printable ASCII.")
        stored[lower] = value
    size = sum(len(k.encode()) + len(v.encode()) for k, v in stored.items())
    if size > MAX_METADATA_BYTES:
        raise Refusal("metadata-not-allowed", f"User metadata may have at most {MAX_METADATA_BYTES} bytes.")
    return stored


def object_key(filename: str) -> str:
    """The server chooses keys: uploads/<uuid>/<the name without separators or control characters>."""
    name = unicodedata.normalize("NFC", filename)
    name = re.sub(r"[\x00-\x1f\x7f/\\]+", "_", name).lstrip("._ \t").strip()
    while len(name.encode()) > 200:
        name = name[:-1]
    return f"uploads/{uuid.uuid4()}/{name or 'file'}"


def part_sizes(claims: dict):
    """How many parts the token's plan has, and the exact size of part n."""
    count = math.ceil(claims["size"] / claims["partSize"])
    last = claims["size"] - (count - 1) * claims["partSize"]
    return count, lambda n: claims["partSize"] if n < count else last


def storage_failure(operation: str, error: ClientError) -> Refusal:
    code = error.response.get("Error", {}).get("Code", "Error")
    if code == "NoSuchUpload":
        return Refusal("not-found", "The multipart upload does not exist: it was completed, aborted or expired.")
    return Refusal("storage", f"The store refused {operation} ({code}).")


# --- The backend ---------------------------------------------------------------------------------


class Backend:
    """The protocol's routes over one bucket. Each method takes the request and answers JSON."""

    def __init__(self, env):
        self.bucket = env["FERRY_BUCKET"]
        self.url_lifetime = int(env.get("FERRY_URL_LIFETIME", "900"))
        self.tokens = UploadTokens(env["FERRY_SECRET"])
        self.delete_tokens = DeleteTokens(env["FERRY_SECRET"])
        self.delete_window = int(env.get("FERRY_DELETE_WINDOW", "600"))
        names = env.get("FERRY_METADATA", "").split(",")
        self.metadata_names = {name.strip().lower() for name in names if name.strip()}
        endpoint = env.get("FERRY_ENDPOINT")
        credentials = {}
        if env.get("FERRY_ACCESS_KEY_ID"):
            credentials = {
                "aws_access_key_id": env["FERRY_ACCESS_KEY_ID"],
                "aws_secret_access_key": env["FERRY_SECRET_ACCESS_KEY"],
            }
        self.s3 = boto3.client(
            "s3",
            region_name=env.get("FERRY_REGION", "us-east-1"),
            endpoint_url=endpoint,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path" if endpoint else "auto"}),
            **credentials,
        )

    def delete_token(self, user: str, key: str, from_seconds: float):
        """A token that lets `user` delete `key` for the delete window after `from_seconds`, or None."""
        if self.delete_window == 0:
            return None
        return self.delete_tokens.issue(user=user, key=key, expires=int(from_seconds) + self.delete_window)

    def presign(self, operation: str, **params) -> str:
        # ContentLength (and ContentType) become signed headers: the store refuses any other body.
        return self.s3.generate_presigned_url(
            operation, Params={"Bucket": self.bucket, **params}, ExpiresIn=self.url_lifetime
        )

    def single_put_params(self, request):
        query = request.query
        filename = require_string(query.get("filename"), "filename", MAX_FILENAME)
        content_type = require_type(query.get("type"))
        size = require_int(query.get("size"), "size", 0, 2**53 - 1)
        if size > MAX_SINGLE_PUT:
            raise Refusal(
                "too-large", f"A single PUT may carry at most {MAX_SINGLE_PUT} bytes: use a multipart upload."
            )
        if query.get("checksum") is not None:
            raise Refusal("bad-request", "This backend signs no checksums.")
        cache_control = query.get("cacheControl")
        metadata = stored_metadata(
            self.metadata_names, bracketed(query, "metadata") or {}, cache_control, bracketed(query, "tags")
        )
        key = object_key(filename)
        # Metadata becomes signed x-amz-meta-* headers: the browser must send exactly these.
        extra = {"Metadata": metadata} if metadata else {}
        url = self.presign("put_object", Key=key, ContentType=content_type, ContentLength=size, **extra)
        headers = {"Content-Type": content_type, **{f"x-amz-meta-{k}": v for k, v in metadata.items()}}
        answer = {"method": "PUT", "url": url, "headers": headers, "key": key}
        # The PUT may come as late as the URL allows: the delete window starts when it expires.
        token = self.delete_token(request.user, key, time.time() + self.url_lifetime)
        return {**answer, "deleteToken": token} if token else answer

    def create_multipart(self, request):
        body = request.json()
        filename = require_string(body.get("filename"), "filename", MAX_FILENAME)
        content_type = require_type(body.get("type"))
        size = require_int(body.get("size"), "size", 1, 2**53 - 1)
        if size > MAX_OBJECT_SIZE:
            raise Refusal("too-large", f"Files may be at most {MAX_OBJECT_SIZE} bytes; this one has {size}.")
        part_size = require_int(body.get("partSize"), "partSize", MIN_PART_SIZE, MAX_PART_SIZE)
        if math.ceil(size / part_size) > MAX_PARTS:
            raise Refusal("bad-request", f"A part size of {part_size} bytes makes more than {MAX_PARTS} parts.")
        metadata = require_strings(body.get("metadata"), "metadata")
        tags = body.get("tags")
        metadata = stored_metadata(
            self.metadata_names,
            metadata,
            body.get("cacheControl"),
            None if tags is None else require_strings(tags, "tags"),
        )
        key = object_key(filename)
        extra = {"Metadata": metadata} if metadata else {}
        try:
            upload_id = self.s3.create_multipart_upload(
                Bucket=self.bucket, Key=key, ContentType=content_type, **extra
            )["UploadId"]
        except ClientError as error:
            raise storage_failure("to create the multipart upload", error)
        token = self.tokens.issue(user=request.user, key=key, upload_id=upload_id, size=size, part_size=part_size)
        return {"uploadId": upload_id, "key": key, "token": token}

    def authorize_upload(self, request, body_key=None) -> dict:
        """The token's claims for the upload in the path, the key given and the caller."""
        key = require_string(request.query.get("key") or body_key, "key")
        token = request.headers.get(TOKEN_HEADER) or request.query.get("token")
        try:
            return self.tokens.verify(token, upload_id=request.upload_id, key=key, user=request.user)
        except TokenInvalid as refusal:
            raise Refusal("token-invalid", str(refusal))

    def sign_part(self, claims: dict, number: int, size: int) -> str:
        return self.presign(
            "upload_part", Key=claims["key"], UploadId=claims["uploadId"], PartNumber=number, ContentLength=size
        )

    def sign_parts(self, request):
        body = request.json()
        claims = self.authorize_upload(request, body.get("key"))
        count, size_of = part_sizes(claims)
        numbers = body.get("partNumbers")
        if not isinstance(numbers, list) or not 0 < len(numbers) <= MAX_BATCH:
            raise Refusal("bad-request", f"partNumbers must be an array of 1 to {MAX_BATCH} part numbers.")
        numbers = [require_int(n, "partNumbers[]", 1, count) for n in numbers]
        if len(set(numbers)) != len(numbers):
            raise Refusal("bad-request", "partNumbers has duplicates.")
        if body.get("checksums") is not None:
            raise Refusal("bad-request", "This backend signs no checksums.")
        expires_at = request.now_ms + self.url_lifetime * 1000
        parts = [
            {
                "method": "PUT",
                "partNumber": n,
                "url": self.sign_part(claims, n, size_of(n)),
                "headers": {},
                "expiresAt": expires_at,
            }
            for n in numbers
        ]
        return {"parts": parts}

    def sign_one_part(self, request):
        claims = self.authorize_upload(request)
        count, size_of = part_sizes(claims)
        number = require_int(request.part_number, "partNumber", 1, count)
        return {"url": self.sign_part(claims, number, size_of(number)), "expires": self.url_lifetime, "headers": {}}

    def list_parts(self, request):
        claims = self.authorize_upload(request)
        parts, marker = [], 0
        try:
            while True:  # S3 answers at most 1,000 parts a page: follow the pages
                page = self.s3.list_parts(
                    Bucket=self.bucket, Key=claims["key"], UploadId=claims["uploadId"], PartNumberMarker=marker
                )
                for part in page.get("Parts", []):
                    parts.append({"PartNumber": part["PartNumber"], "Size": part["Size"], "ETag": part["ETag"]})
                if not page.get("IsTruncated"):
                    return parts
                marker = page["NextPartNumberMarker"]
        except ClientError as error:
            raise storage_failure("to list the parts", error)

    def complete_multipart(self, request):
        body = request.json()
        claims = self.authorize_upload(request, body.get("key"))
        count, _ = part_sizes(claims)
        given = body.get("parts")
        if not isinstance(given, list) or len(given) != count:
            raise Refusal("bad-request", f"parts must list all {count} parts of the upload.")
        parts = []
        for index, part in enumerate(given):
            part = part if isinstance(part, dict) else {}
            number = require_int(part.get("PartNumber"), f"parts[{index}].PartNumber", 1, count)
            if number != index + 1:
                raise Refusal("bad-request", "parts must be in order, one per part number.")
            etag = require_string(part.get("ETag"), f"parts[{index}].ETag", 128)
            parts.append({"PartNumber": number, "ETag": etag})
        try:
            result = self.s3.complete_multipart_upload(
                Bucket=self.bucket, Key=claims["key"], UploadId=claims["uploadId"], MultipartUpload={"Parts": parts}
            )
        except ClientError as error:
            raise storage_failure("to complete the upload", error)
        answer = {"key": claims["key"], "location": result.get("Location", ""), "etag": result.get("ETag", "")}
        token = self.delete_token(request.user, claims["key"], time.time())
        return {**answer, "deleteToken": token} if token else answer

    def abort_multipart(self, request):
        claims = self.authorize_upload(request)
        try:
            self.s3.abort_multipart_upload(Bucket=self.bucket, Key=claims["key"], UploadId=claims["uploadId"])
        except ClientError as error:
            raise storage_failure("to abort the upload", error)
        return {}


    def allow_delete(self, request, key: str) -> bool:
        """The application's own rule for deletes without a delete token (a record this caller
        owns, an admin). The example allows none."""
        return False

    def delete_object(self, request):
        key = require_string(request.query.get("key"), "key")
        token = request.headers.get(DELETE_TOKEN_HEADER)
        refusal = Refusal("delete-not-allowed", f"Deleting {key} is not allowed.")
        allowed = False
        if token:
            try:
                self.delete_tokens.verify(token, key=key, user=request.user)
                allowed = True
            except TokenInvalid as invalid:
                refusal = Refusal("token-invalid", str(invalid))
        if not (allowed or self.allow_delete(request, key)):
            raise refusal
        try:
            self.s3.delete_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            raise storage_failure("to delete the object", error)
        return {"key": key}


def match_route(method: str, segments: list):
    """(route, upload id, part number) for the path below the base; 'wrong-method' or None."""
    routes = []
    if segments == ["params"]:
        routes = [("GET", "single_put_params")]
    elif segments == ["multipart"]:
        routes = [("POST", "create_multipart")]
    elif segments == ["objects"]:
        routes = [("DELETE", "delete_object")]
    elif len(segments) == 2 and segments[0] == "multipart" and segments[1]:
        routes = [("GET", "list_parts"), ("DELETE", "abort_multipart")]
    elif len(segments) == 3 and segments[0] == "multipart" and segments[1] and segments[2]:
        routes = {"batch": [("POST", "sign_parts")], "complete": [("POST", "complete_multipart")]}.get(
            segments[2], [("GET", "sign_one_part")]
        )
    if not routes:
        return None
    for route_method, route in routes:
        if route_method == method:
            return route, (segments[1] if len(segments) > 1 else ""), (segments[2] if len(segments) > 2 else "")
    return "wrong-method"


# --- HTTP ----------------------------------------------------------------------------------------


class Request:
    def __init__(self, handler, body, upload_id: str, part_number: str, query: dict, now_ms: int):
        self.headers = handler.headers
        self.body = body  # the raw body, or None when it was over the limit
        self.upload_id = upload_id
        self.part_number = part_number
        self.query = query
        self.now_ms = now_ms
        # Who is calling. A real backend reads its session here (a cookie, a bearer token); the
        # example trusts a header, so that the conformance kit can play two callers.
        self.user = handler.headers.get("X-Demo-User", "")

    def json(self) -> dict:
        if self.body is None:
            raise Refusal("too-large", f"The request body is over {BODY_LIMIT} bytes.")
        try:
            value = json.loads(self.body or b"null")
        except ValueError:
            raise Refusal("bad-request", "The request body is not valid JSON.")
        if not isinstance(value, dict):
            raise Refusal("bad-request", "The request body must be a JSON object.")
        return value


def make_handler(backend: Backend, base_path: str):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self, status: int, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(data)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

        def read_body(self):
            """The whole body up to the limit (so a keep-alive connection stays in step), else None."""
            length = int(self.headers.get("Content-Length") or 0)
            if length > BODY_LIMIT:
                self.close_connection = True  # left unread: this connection cannot be reused
                return None
            return self.rfile.read(length)

        def route(self):
            body = self.read_body()
            url = urlsplit(self.path)
            below = url.path[len(base_path):]
            try:
                if not url.path.startswith(base_path) or (below and not below.startswith("/")):
                    raise Refusal("not-found", "No such route.")
                segments = [unquote(s) for s in below.split("/") if s]
                match = match_route(self.command, segments)
                if match is None:
                    raise Refusal("not-found", "No such route.")
                if match == "wrong-method":
                    raise Refusal("method-not-allowed", f"{self.command} is not allowed here.")
                route, upload_id, part_number = match
                query = {name: values[0] for name, values in parse_qs(url.query, keep_blank_values=True).items()}
                request = Request(self, body, upload_id, part_number, query, int(time.time() * 1000))
                self.answer(200, getattr(backend, route)(request))
            except Refusal as refusal:
                self.answer(STATUS[refusal.code], {"code": refusal.code, "message": str(refusal)})
            except Exception as error:  # a bug: the client sees only "internal"
                print(f"[ferry] {error!r}", file=sys.stderr)
                self.answer(500, {"code": "internal", "message": "The signing server failed; see its log."})

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = route

        def log_message(self, format, *args):
            if os.environ.get("FERRY_LOG"):
                super().log_message(format, *args)

    return Handler


def main():
    parser = argparse.ArgumentParser(description="Ferry's signing endpoint, in Python.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    args = parser.parse_args()
    base_path = os.environ.get("FERRY_BASE_PATH", "/api/uploads").rstrip("/")
    server = ThreadingHTTPServer((args.host, args.port), make_handler(Backend(os.environ), base_path))
    host, port = server.server_address[:2]
    print(f"Ferry Python backend: http://{host}:{port}{base_path}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
