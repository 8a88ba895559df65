"""Every referral of a ListReferrals filter, page after page.

    request = referral_service_pb2.ListReferralsRequest(page_size=100)
    for referral in iterate_referrals(stub, request, timeout=10):
        print(referral.name)

The server returns at most `page_size` referrals (1-200; 0 means 50),
oldest first, with a `next_page_token` while more follow; the token is bound
to the filter, so every page repeats the same filter. The given request is
not changed.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional, Sequence


def iterate_referral_pages(stub: Any, request: Any, *,
                           timeout: Optional[float] = None,
                           metadata: Optional[Sequence[tuple[str, str]]] = None
                           ) -> Iterator[Any]:
    """Yields each ListReferralsResponse, from `request.page_token` on."""
    page_request = type(request)()
    page_request.CopyFrom(request)
    while True:
        response = stub.ListReferrals(page_request, timeout=timeout, metadata=metadata)
        yield response
        if not response.next_page_token:
            return
        page_request.page_token = response.next_page_token


def iterate_referrals(stub: Any, request: Any, *,
                      timeout: Optional[float] = None,
                      metadata: Optional[Sequence[tuple[str, str]]] = None
                      ) -> Iterator[Any]:
    """Yields every wor.v1.Referral the filter selects; `timeout` is per page."""
    for page in iterate_referral_pages(stub, request, timeout=timeout, metadata=metadata):
        yield from page.referrals
