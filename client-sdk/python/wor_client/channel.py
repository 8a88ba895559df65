"""Opens a gRPC channel to a Welzijn op Recept server.

    settings = ConnectionSettings.from_environment(os.environ)
    with open_channel(settings) as channel:
        stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
        stub.ListReferrals(request, timeout=settings.timeout_seconds)

With settings.ca_file the channel is mutual TLS and carries the user token
(credentials.py); with settings.dev_identity it is plaintext and carries the
development headers; otherwise plaintext without identity. SettingsError when
the settings do not fit together or a file cannot be read: nothing was sent.
"""

from __future__ import annotations

import collections

import grpc

from .credentials import channel_credentials
from .settings import ConnectionSettings, DevIdentity


class _ClientCallDetails(
        collections.namedtuple(
            "_ClientCallDetails",
            ("method", "timeout", "metadata", "credentials", "wait_for_ready",
             "compression")),
        grpc.ClientCallDetails):
    pass


class _DevIdentityInterceptor(grpc.UnaryUnaryClientInterceptor,
                              grpc.UnaryStreamClientInterceptor,
                              grpc.StreamUnaryClientInterceptor,
                              grpc.StreamStreamClientInterceptor):
    """Adds the development identity headers to every call."""

    def __init__(self, identity: DevIdentity):
        self._headers = identity.metadata()

    def _details(self, details: grpc.ClientCallDetails) -> _ClientCallDetails:
        metadata = list(details.metadata or ()) + list(self._headers)
        return _ClientCallDetails(details.method, details.timeout, metadata,
                                  details.credentials, details.wait_for_ready,
                                  details.compression)

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._details(details), request)

    def intercept_unary_stream(self, continuation, details, request):
        return continuation(self._details(details), request)

    def intercept_stream_unary(self, continuation, details, requests):
        return continuation(self._details(details), requests)

    def intercept_stream_stream(self, continuation, details, requests):
        return continuation(self._details(details), requests)


def open_channel(settings: ConnectionSettings) -> grpc.Channel:
    """A channel to settings.server; close it (or use `with`) when done."""
    settings.check()
    if settings.uses_tls:
        return grpc.secure_channel(settings.server, channel_credentials(settings))
    channel = grpc.insecure_channel(settings.server)
    if settings.dev_identity:
        identity = DevIdentity.parse(settings.dev_identity)
        channel = grpc.intercept_channel(channel, _DevIdentityInterceptor(identity))
    return channel
