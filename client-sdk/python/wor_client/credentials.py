"""The gRPC credentials of a Welzijn op Recept connection.

* channel_credentials(settings): mutual TLS from the CA file and the
  organisation's client certificate and key, combined with the user token.
* TokenFileAuth: a grpc.AuthMetadataPlugin that reads the token file on
  every call and sends `authorization: Bearer <token>`. It holds the file's
  name only, so a renewed token is picked up by the next call and the token
  never appears in a repr, a log line or an exception.

gRPC sends call credentials only over TLS, which is what we want: a token
never travels in clear.
"""

from __future__ import annotations

import grpc

from .settings import ConnectionSettings, SettingsError


def read_option_file(path: str, flag: str, variable: str) -> bytes:
    """The whole file named by option `flag` (environment `variable`)."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        raise SettingsError(
            f"cannot read {flag} '{path}' ({error.strerror}); check the path "
            f"(or {variable})") from None


def read_pem_file(path: str, flag: str, variable: str) -> bytes:
    pem = read_option_file(path, flag, variable)
    if b"-----BEGIN " not in pem:
        raise SettingsError(f"{flag} '{path}' is not a PEM file (expected '-----BEGIN ...')")
    return pem


def clean_token(text: bytes, source: str) -> str:
    """The token without white space or a "Bearer " prefix.

    It must be one word of printable ASCII: anything else cannot travel in
    metadata and is surely not a token. `source` names where it came from,
    never what it holds; so do the errors.
    """
    token = text.strip()
    if token[:7].lower() == b"bearer ":
        token = token[7:].lstrip()
    if not token:
        raise SettingsError(f"{source} holds no token (empty); ask for a new token")
    if not all(0x20 < byte < 0x7F for byte in token):
        raise SettingsError(
            f"{source} holds no usable token: expected one word without "
            "spaces (a JWT); ask for a new token")
    return token.decode("ascii")


def read_token_file(path: str) -> str:
    text = read_option_file(path, "--token-file", "WOR_TOKEN_FILE")
    return clean_token(text, f"--token-file '{path}'")


class TokenFileAuth(grpc.AuthMetadataPlugin):
    """Adds the user token from a file to every call. Thread-safe."""

    def __init__(self, token_file: str):
        self._token_file = token_file

    def __repr__(self) -> str:
        return f"TokenFileAuth(token_file={self._token_file!r})"

    def __call__(self, context: grpc.AuthMetadataContext,
                 callback: grpc.AuthMetadataPluginCallback) -> None:
        try:
            token = read_token_file(self._token_file)
        except SettingsError as error:
            # gRPC fails the call (UNAVAILABLE) with this message; it names
            # the file, not its contents.
            callback((), error)
            return
        callback((("authorization", "Bearer " + token),), None)


def channel_credentials(settings: ConnectionSettings) -> grpc.ChannelCredentials:
    """Mutual TLS plus the token, for a settings.uses_tls connection.

    Reads the CA, certificate and key files now, and the token file once to
    refuse a missing or empty one before anything is sent (SettingsError).
    """
    settings.check()
    if not settings.uses_tls:
        raise SettingsError("TLS needs --ca-file (or WOR_CA_FILE)")
    root = read_pem_file(settings.ca_file, "--ca-file", "WOR_CA_FILE")
    chain = key = None
    if settings.has_client_certificate:
        chain = read_pem_file(settings.cert_file, "--cert-file", "WOR_CERT_FILE")
        key = read_pem_file(settings.key_file, "--key-file", "WOR_KEY_FILE")
    tls = grpc.ssl_channel_credentials(root_certificates=root, private_key=key,
                                       certificate_chain=chain)
    if not settings.token_file:
        return tls
    read_token_file(settings.token_file)
    token = grpc.metadata_call_credentials(TokenFileAuth(settings.token_file),
                                           name="wor-user-token")
    return grpc.composite_channel_credentials(tls, token)
