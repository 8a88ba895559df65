"""Where the server is and how a client proves who calls.

Mirrors the `wor` command-line client (client-sdk/cli/global_options.h and
connection_security.h), so a partner's script and `wor` read the same
environment:

* Mutual TLS: `ca_file` (the CA that issued the server's certificate),
  `cert_file` and `key_file` (the organisation's client certificate and
  key). Every call carries the user's token from `token_file` as
  `authorization: Bearer <token>`; the file is read on every call, so a
  renewed token is used at once.
* Development mode: `dev_identity` "ORGANISATION,USER,ROLE[,ACTING_FOR]";
  plaintext, with the x-wor-organisation, x-wor-user, x-wor-role (and
  x-wor-acting-for) headers. Only a server started with
  `security { development_mode: true }` on loopback accepts them.
* Neither: plaintext without identity (a server answers UNAUTHENTICATED).

    settings = ConnectionSettings.from_environment(os.environ,
                                                   server="127.0.0.1:50051")
    settings.check()   # raises SettingsError; nothing was sent

The environment variables are WOR_SERVER, WOR_CA_FILE, WOR_CERT_FILE,
WOR_KEY_FILE, WOR_TOKEN_FILE and WOR_DEV_IDENTITY. A value given in code (or
on a command line) replaces its variable, and an identity chosen there (any
TLS or token option, or a development identity) replaces the environment's
identity of the other kind. Unlike `wor`, there is no WOR_TOKEN: the token is
only ever read from a file, so it never sits on a command line.

ConnectionSettings never holds the token itself, only the file's name: its
repr, and every message this package makes, are safe to log.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping, Optional

DEFAULT_SERVER = "127.0.0.1:50051"
DEFAULT_TIMEOUT_SECONDS = 10.0

# The roles of wor.v1.UserRole without their prefix (proto/wor/v1/identity.proto).
USER_ROLES = ("GP", "POH", "COACH", "COORDINATOR", "PARTNER_ANALYST",
              "PRIVACY_OFFICER", "ADMIN")


class SettingsError(ValueError):
    """The connection settings do not fit together or a file cannot be used.

    Raised before anything is sent. The message names options and files,
    never a token.
    """


@dataclasses.dataclass(frozen=True)
class DevIdentity:
    """Who calls a development-mode server."""

    organisation: str  # "agb:01012345", "kvk:41234567", ...
    user: str          # "huisarts-1"
    role: str          # "GP", "COACH", ... (upper case)
    acting_for: str = ""  # the responsible user; may be empty

    @classmethod
    def parse(cls, text: str) -> "DevIdentity":
        """Parses "ORGANISATION,USER,ROLE[,ACTING_FOR]"; any case of role."""
        parts = [part.strip() for part in text.split(",")]
        bad = SettingsError(
            f"--dev-identity '{text}' is not ORGANISATION,USER,ROLE[,ACTING_FOR] "
            f"with ROLE one of {', '.join(USER_ROLES)}")
        if not 3 <= len(parts) <= 4 or not all(parts):
            raise bad
        role = parts[2].upper()
        if role not in USER_ROLES:
            raise bad
        return cls(parts[0], parts[1], role, parts[3] if len(parts) == 4 else "")

    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The headers a development-mode server reads."""
        headers = [("x-wor-organisation", self.organisation),
                   ("x-wor-user", self.user), ("x-wor-role", self.role)]
        if self.acting_for:
            headers.append(("x-wor-acting-for", self.acting_for))
        return tuple(headers)


@dataclasses.dataclass(frozen=True)
class ConnectionSettings:
    """How to reach one server. Immutable; safe to share between threads."""

    server: str = DEFAULT_SERVER
    ca_file: str = ""
    cert_file: str = ""
    key_file: str = ""
    token_file: str = ""
    dev_identity: str = ""
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str], *,
                         server: Optional[str] = None,
                         ca_file: Optional[str] = None,
                         cert_file: Optional[str] = None,
                         key_file: Optional[str] = None,
                         token_file: Optional[str] = None,
                         dev_identity: Optional[str] = None,
                         timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
                         ) -> "ConnectionSettings":
        """The given values, with the WOR_* variables as defaults.

        None means "not given"; the precedence is that of `wor`
        (global_options.cc, ApplyConnectionOptions).
        """
        chose_tls_or_token = any(
            value is not None for value in (ca_file, cert_file, key_file, token_file))
        use_environment_tls = chose_tls_or_token or dev_identity is None

        def pick(given: Optional[str], variable: str) -> str:
            if given is not None:
                return given
            return environ.get(variable, "") if use_environment_tls else ""

        if dev_identity is None:
            dev_identity = "" if chose_tls_or_token else environ.get("WOR_DEV_IDENTITY", "")
        return cls(
            server=server or environ.get("WOR_SERVER", "") or DEFAULT_SERVER,
            ca_file=pick(ca_file, "WOR_CA_FILE"),
            cert_file=pick(cert_file, "WOR_CERT_FILE"),
            key_file=pick(key_file, "WOR_KEY_FILE"),
            token_file=pick(token_file, "WOR_TOKEN_FILE"),
            dev_identity=dev_identity,
            timeout_seconds=timeout_seconds)

    @property
    def uses_tls(self) -> bool:
        return bool(self.ca_file)

    @property
    def has_client_certificate(self) -> bool:
        return bool(self.cert_file)

    def check(self) -> None:
        """Refuses combinations that cannot work or would send a token in clear.

        The same rules, in the same order, as `wor`
        (connection_security.cc, CheckConnectionOptions).
        """
        if self.dev_identity and (self.ca_file or self.cert_file or
                                  self.key_file or self.token_file):
            raise SettingsError(
                "--dev-identity (WOR_DEV_IDENTITY) is for a development server "
                "without TLS and does not go with --ca-file, --cert-file, "
                "--key-file or a token; leave one of them out")
        if bool(self.cert_file) != bool(self.key_file):
            raise SettingsError(
                "--cert-file and --key-file go together: give both (or "
                "WOR_CERT_FILE and WOR_KEY_FILE)")
        if self.cert_file and not self.ca_file:
            raise SettingsError(
                "a client certificate works only over TLS: also give --ca-file "
                "(or WOR_CA_FILE), the CA that issued the server's certificate")
        if self.token_file and not self.ca_file:
            raise SettingsError(
                "a token is sent only over a secure connection: also give "
                "--ca-file, --cert-file and --key-file (or WOR_CA_FILE, "
                "WOR_CERT_FILE and WOR_KEY_FILE); a development server without "
                "TLS takes --dev-identity")
        if self.timeout_seconds <= 0:
            raise SettingsError("the timeout must be more than 0 seconds")
        if self.dev_identity:
            DevIdentity.parse(self.dev_identity)
