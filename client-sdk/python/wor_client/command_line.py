"""The connection options of a partner's script, as `wor` has them.

    parser = argparse.ArgumentParser(...)
    add_connection_arguments(parser)
    args = parser.parse_args()
    use_generated_dir(args.generated_dir)      # before importing wor.v1
    settings = settings_from_arguments(args, os.environ)

Options: --server, --ca-file, --cert-file, --key-file, --token-file,
--dev-identity, --timeout and --generated-dir, each defaulting to its
environment variable (WOR_SERVER, WOR_CA_FILE, ..., WOR_PYTHON_GENERATED);
see settings.py for how they combine.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Mapping, Optional

from .errors import EXIT_USAGE, CallFailed
from .settings import ConnectionSettings, DEFAULT_SERVER, DEFAULT_TIMEOUT_SECONDS, SettingsError

CONNECTION_HELP = """\
connection (each option defaults to its environment variable):
  mutual TLS: --ca-file, --cert-file, --key-file and --token-file
  (WOR_CA_FILE, WOR_CERT_FILE, WOR_KEY_FILE, WOR_TOKEN_FILE); the token file
  is read on every call. Development server: --dev-identity
  ORGANISATION,USER,ROLE (WOR_DEV_IDENTITY), plaintext.

generated code: the wor.v1 modules made by client-sdk/python/generate.sh
  OUT_DIR (or the CMake target wor_python_client) are found on PYTHONPATH or
  in --generated-dir (WOR_PYTHON_GENERATED).
"""


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--server", metavar="HOST:PORT",
                       help=f"the server (WOR_SERVER; default {DEFAULT_SERVER})")
    group.add_argument("--ca-file", metavar="PEM",
                       help="CA that issued the server's certificate (WOR_CA_FILE)")
    group.add_argument("--cert-file", metavar="PEM",
                       help="your organisation's client certificate (WOR_CERT_FILE)")
    group.add_argument("--key-file", metavar="PEM",
                       help="the key of that certificate (WOR_KEY_FILE)")
    group.add_argument("--token-file", metavar="FILE",
                       help="file holding the user's token (WOR_TOKEN_FILE)")
    group.add_argument("--dev-identity", metavar="ORG,USER,ROLE",
                       help="development server only, plaintext (WOR_DEV_IDENTITY)")
    group.add_argument("--timeout", metavar="SECONDS", type=float,
                       default=DEFAULT_TIMEOUT_SECONDS,
                       help=f"per call (default {DEFAULT_TIMEOUT_SECONDS:g})")
    group.add_argument("--generated-dir", metavar="DIR",
                       help="directory holding the generated wor/v1 modules "
                       "(WOR_PYTHON_GENERATED; else PYTHONPATH)")


def _given(value: Optional[str]) -> Optional[str]:
    """Refuses an option given as an empty string, as `wor` does."""
    if value is not None and not value:
        raise SettingsError("a connection option was given an empty value")
    return value


def settings_from_arguments(args: argparse.Namespace,
                            environ: Mapping[str, str]) -> ConnectionSettings:
    """The settings from parsed options, with the environment as defaults."""
    settings = ConnectionSettings.from_environment(
        environ,
        server=args.server,
        ca_file=_given(args.ca_file),
        cert_file=_given(args.cert_file),
        key_file=_given(args.key_file),
        token_file=_given(args.token_file),
        dev_identity=_given(args.dev_identity),
        timeout_seconds=args.timeout)
    settings.check()
    return settings


def use_generated_dir(directory: Optional[str],
                      environ: Mapping[str, str] = os.environ) -> None:
    """Makes `import wor.v1....` find the generated modules.

    `directory` (or WOR_PYTHON_GENERATED) goes first on sys.path; without
    either, PYTHONPATH must already hold them. SettingsError when they cannot
    be found.
    """
    directory = directory or environ.get("WOR_PYTHON_GENERATED", "")
    if directory:
        marker = os.path.join(directory, "wor", "v1", "referral_service_pb2.py")
        if not os.path.isfile(marker):
            raise SettingsError(
                f"--generated-dir '{directory}' holds no generated wor/v1 "
                "modules; run client-sdk/python/generate.sh DIR first")
        sys.path.insert(0, os.path.abspath(directory))
    try:
        import wor.v1.referral_service_pb2  # noqa: F401
    except ImportError as error:
        raise SettingsError(
            "the generated wor.v1 modules cannot be imported "
            f"({error}); run client-sdk/python/generate.sh DIR and give "
            "--generated-dir DIR or put DIR on PYTHONPATH") from None


def run_command(program: str, body: Callable[[], int]) -> int:
    """Runs a script's body and turns its failures into a message and an
    exit code: SettingsError is a usage error (nothing was sent), CallFailed
    carries the code of the gRPC status. Messages go to stderr, prefixed
    with `program`."""
    try:
        return body()
    except SettingsError as error:
        print(f"{program}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except CallFailed as failure:
        print(f"{program}: {failure}", file=sys.stderr)
        return failure.exit_code
