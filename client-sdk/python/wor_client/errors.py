"""Failed calls, translated for the people who read them.

    try:
        response = stub.GetReferral(request, timeout=settings.timeout_seconds)
    except grpc.RpcError as error:
        failure = CallFailed.from_rpc_error(error, settings)
        print(failure, file=sys.stderr)     # hint, then "CODE: server message"
        sys.exit(failure.exit_code)

CallFailed keeps the gRPC code (`code`) and the server's own message
(`server_message`, which never holds personal data) and adds a hint on what
to do. The exit codes are those of the `wor` command-line client
(client-sdk/cli/exit_codes.h), so scripts can branch on them the same way.
"""

from __future__ import annotations

import grpc

from .settings import ConnectionSettings

EXIT_OK = 0
EXIT_FAILURE = 1  # anything else (unexpected server error, local I/O)
EXIT_USAGE = 2  # the command line was wrong; nothing was sent
EXIT_NOT_FOUND = 3  # NOT_FOUND
EXIT_REFUSED = 4  # INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED
EXIT_UNREACHABLE = 5  # UNAVAILABLE, DEADLINE_EXCEEDED
EXIT_UNAUTHENTICATED = 6  # UNAUTHENTICATED, or a refused TLS handshake
EXIT_PERMISSION_DENIED = 7  # PERMISSION_DENIED

_EXIT_CODES = {
    grpc.StatusCode.OK: EXIT_OK,
    grpc.StatusCode.NOT_FOUND: EXIT_NOT_FOUND,
    grpc.StatusCode.INVALID_ARGUMENT: EXIT_REFUSED,
    grpc.StatusCode.FAILED_PRECONDITION: EXIT_REFUSED,
    grpc.StatusCode.ALREADY_EXISTS: EXIT_REFUSED,
    grpc.StatusCode.ABORTED: EXIT_REFUSED,
    grpc.StatusCode.UNAVAILABLE: EXIT_UNREACHABLE,
    grpc.StatusCode.DEADLINE_EXCEEDED: EXIT_UNREACHABLE,
    grpc.StatusCode.UNAUTHENTICATED: EXIT_UNAUTHENTICATED,
    grpc.StatusCode.PERMISSION_DENIED: EXIT_PERMISSION_DENIED,
}

# The server's UNAUTHENTICATED reasons are stable English phrases
# (server/service/caller_authenticator.cc); an unknown one gets the general
# hint.
_UNAUTHENTICATED_HINTS = (
    ("has expired", "Your token has expired: ask for a new token and give it "
     "with --token-file (or WOR_TOKEN_FILE)."),
    ("not valid yet", "Your token is not valid yet: check this computer's clock."),
    ("user token is required", "The server needs your user token: give "
     "--token-file (or WOR_TOKEN_FILE)."),
    ("another organisation", "Your token belongs to another organisation than "
     "your certificate: use the token and certificate of one organisation."),
    ("does not belong to an organisation", "Your role does not fit your "
     "organisation: ask your organisation for a token with the right role."),
    ("client certificate", "The server did not accept your client certificate: "
     "check --cert-file and --key-file."),
    ("development mode", "The development server needs --dev-identity "
     "ORGANISATION,USER,ROLE (or WOR_DEV_IDENTITY)."),
)

# How gRPC reports that a call credentials plugin (TokenFileAuth) failed.
_TOKEN_PLUGIN_FAILED = "Getting metadata from plugin failed"


def exit_code_for(code: grpc.StatusCode) -> int:
    return _EXIT_CODES.get(code, EXIT_FAILURE)


def is_handshake_failure(message: str) -> bool:
    """Whether an UNAVAILABLE on a TLS channel came from the handshake.

    gRPC reports a refused handshake and a server that is down alike. When
    the server refuses our certificate (missing, or from a CA it does not
    trust), TLS 1.3 lets the client finish first and all gRPC says is that
    the server closed the connection. Same markers as `wor`.
    """
    return any(marker in message for marker in
               ("andshake", "SSL", "TLS", "ertificate", "tsi_", "Socket closed"))


def _hint(code: grpc.StatusCode, message: str,
          settings: ConnectionSettings) -> tuple[str, int]:
    server = settings.server
    if code == grpc.StatusCode.UNAUTHENTICATED:
        for phrase, hint in _UNAUTHENTICATED_HINTS:
            if phrase in message:
                return hint, EXIT_UNAUTHENTICATED
        return ("The server does not know who you are: check your certificate "
                "and token."), EXIT_UNAUTHENTICATED
    if code == grpc.StatusCode.PERMISSION_DENIED:
        return ("Your role may not do this; someone with the right role must "
                "do it."), EXIT_PERMISSION_DENIED
    if code == grpc.StatusCode.UNAVAILABLE:
        if _TOKEN_PLUGIN_FAILED in message:
            # TokenFileAuth could not read the token: nothing was sent.
            return ("Your token could not be read, so the call was not sent: "
                    "fix --token-file (or WOR_TOKEN_FILE)."), EXIT_UNAUTHENTICATED
        if settings.uses_tls and is_handshake_failure(message):
            if settings.has_client_certificate:
                return (f"The secure connection to {server} failed. Check "
                        "--ca-file (the server's CA) and your certificate: "
                        "--cert-file and --key-file must belong together and "
                        "be issued by a CA the server trusts."), EXIT_UNAUTHENTICATED
            return (f"Server {server} refused the secure connection: it asks "
                    "for your organisation's client certificate. Give "
                    "--cert-file and --key-file (or WOR_CERT_FILE and "
                    "WOR_KEY_FILE)."), EXIT_UNAUTHENTICATED
        hint = (f"Server {server} cannot be reached. Check --server (or "
                "WOR_SERVER) and that the server runs, and try again later.")
        if not settings.uses_tls:
            hint += (" Does the server require TLS? Then give --ca-file, "
                     "--cert-file, --key-file and --token-file.")
        return hint, EXIT_UNREACHABLE
    if code == grpc.StatusCode.DEADLINE_EXCEEDED:
        return (f"Server {server} did not answer within "
                f"{settings.timeout_seconds:g} s; try again later or give a "
                "longer --timeout."), EXIT_UNREACHABLE
    hints = {
        grpc.StatusCode.NOT_FOUND: "Not found: check the name.",
        grpc.StatusCode.INVALID_ARGUMENT: "The server refused the request: "
        "fix the field it names.",
        grpc.StatusCode.FAILED_PRECONDITION: "The server refused the request "
        "in the referral's current state.",
        grpc.StatusCode.ALREADY_EXISTS: "This request_id was already used "
        "for another request: use a new request_id.",
        grpc.StatusCode.ABORTED: "Someone changed the referral in the "
        "meantime: read it again and retry with its new etag.",
    }
    return hints.get(code, f"The call failed ({code.name})."), exit_code_for(code)


class CallFailed(Exception):
    """A call the server (or the connection to it) refused."""

    def __init__(self, code: grpc.StatusCode, server_message: str, hint: str,
                 exit_code: int):
        super().__init__(code, server_message)
        self.code = code
        self.server_message = server_message
        self.hint = hint
        self.exit_code = exit_code

    @classmethod
    def from_rpc_error(cls, error: grpc.RpcError,
                       settings: ConnectionSettings) -> "CallFailed":
        code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
        message = (error.details() if hasattr(error, "details") else "") or ""
        hint, exit_code = _hint(code, message, settings)
        return cls(code, message, hint, exit_code)

    def __str__(self) -> str:
        if not self.server_message:
            return self.hint
        return f"{self.hint}\n  {self.code.name}: {self.server_message}"
