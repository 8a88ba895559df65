"""Request ids for mutating calls, which make retries safe.

Every mutating call (CreateReferral, AcceptReferral, ...) takes a
`request_id` of at most 64 characters. The server does a request at most once
per id: a retry with the same id and the same body returns the first result
and changes nothing; the same id with another body is ALREADY_EXISTS. So
choose the id once per intended change and keep it for every retry:

    request = referral_service_pb2.AcceptReferralRequest(
        name=name, etag=etag, request_id=new_request_id())
    stub.AcceptReferral(request, timeout=10)
    # UNAVAILABLE or DEADLINE_EXCEEDED: send the very same request again.
"""

from __future__ import annotations

import uuid
from typing import Any


def new_request_id() -> str:
    """A fresh random UUID (version 4), e.g. "3f0c...-...": 36 characters."""
    return str(uuid.uuid4())


def with_request_id(request: Any) -> Any:
    """Sets `request.request_id` to a new id when empty; returns `request`."""
    if not request.request_id:
        request.request_id = new_request_id()
    return request
