"""wor_client: a small helper around the generated Python client of the
Welzijn op Recept API (stdlib and Debian's python3-grpcio only).

    from wor_client import ConnectionSettings, open_channel, iterate_referrals

    settings = ConnectionSettings.from_environment(os.environ)
    with open_channel(settings) as channel:       # mutual TLS + user token
        stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
        for referral in iterate_referrals(stub, ListReferralsRequest(),
                                          timeout=settings.timeout_seconds):
            ...

The generated modules (`wor.v1.*_pb2`, `*_pb2_grpc`) are not part of this
package: generate them from proto/ (client-sdk/python/README.md). This package
imports none of them, so it can be imported before they are on sys.path.
"""

from .channel import open_channel
from .credentials import TokenFileAuth, channel_credentials
from .errors import (EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_OK, EXIT_PERMISSION_DENIED,
                     EXIT_REFUSED, EXIT_UNAUTHENTICATED, EXIT_UNREACHABLE, EXIT_USAGE,
                     CallFailed, exit_code_for)
from .paging import iterate_referral_pages, iterate_referrals
from .request_ids import new_request_id, with_request_id
from .settings import ConnectionSettings, DevIdentity, SettingsError

__all__ = [
    "CallFailed", "ConnectionSettings", "DevIdentity", "SettingsError",
    "TokenFileAuth", "channel_credentials", "exit_code_for",
    "iterate_referral_pages", "iterate_referrals", "new_request_id",
    "open_channel", "with_request_id",
    "EXIT_OK", "EXIT_FAILURE", "EXIT_USAGE", "EXIT_NOT_FOUND", "EXIT_REFUSED",
    "EXIT_UNREACHABLE", "EXIT_UNAUTHENTICATED", "EXIT_PERMISSION_DENIED",
]
