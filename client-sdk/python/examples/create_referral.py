#!/usr/bin/python3
"""Creates a referral from a text-format wor.v1.Referral, exactly once.

The request carries a request_id (a new UUID unless --request-id is given).
When the server cannot be reached or does not answer in time, the very same
request is sent again (--retries): the server creates the referral at most
once per request_id, so a retry never makes a second referral. Run the
script again with the printed request_id to retry by hand.

Prints the new referral's name, state, etag and the request_id; no patient
data.

    client-sdk/python/examples/create_referral.py \\
        --generated-dir build/client-sdk/python/generated \\
        --file client-sdk/cli/examples/referral.textproto \\
        --ca-file var/pki/ca.pem --cert-file var/pki/clients/agb-01012345.pem \\
        --key-file var/pki/clients/agb-01012345.key.pem \\
        --token-file var/tokens/gp.jwt
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # wor_client

from wor_client import (CallFailed, SettingsError, new_request_id,  # noqa: E402
                        open_channel)
from wor_client.command_line import (CONNECTION_HELP,  # noqa: E402
                                     add_connection_arguments, run_command,
                                     settings_from_arguments, use_generated_dir)

PROGRAM = "create_referral.py"
EXIT_CODES_HELP = """\
exit codes (as the `wor` client): 0 created (or already created with this
  request_id), 1 other failure, 2 wrong options (nothing sent), 4 refused
  (invalid field, contra-indication, request_id used for another body),
  5 server unreachable, 6 certificate or token refused, 7 your role may not
  refer.
"""
RETRYABLE = ("UNAVAILABLE", "DEADLINE_EXCEEDED")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description=__doc__.split("\n\n")[0],
        epilog=CONNECTION_HELP + "\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", required=True, metavar="TEXTPROTO",
                        help="the referral, a wor.v1.Referral in text format "
                        "(e.g. client-sdk/cli/examples/referral.textproto)")
    parser.add_argument("--request-id", metavar="ID",
                        help="reuse the request_id of an earlier attempt "
                        "(default: a new UUID)")
    parser.add_argument("--retries", type=int, default=2, metavar="N",
                        help="resend the same request up to N times when the "
                        "server is unreachable (default 2)")
    add_connection_arguments(parser)
    return parser.parse_args(argv)


def read_referral(path, referral_pb2):
    from google.protobuf import text_format
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise SettingsError(f"cannot read --file '{path}' ({error.strerror})") from None
    try:
        return text_format.Parse(text, referral_pb2.Referral())
    except text_format.ParseError as error:
        raise SettingsError(
            f"--file '{path}' is not a wor.v1.Referral in text format: {error}") from None


def create_with_retries(stub, request, settings, retries):
    """CreateReferral, resending the same request on UNAVAILABLE or
    DEADLINE_EXCEEDED; the request_id makes that safe."""
    import grpc
    for attempt in range(retries + 1):
        try:
            return stub.CreateReferral(request, timeout=settings.timeout_seconds)
        except grpc.RpcError as error:
            failure = CallFailed.from_rpc_error(error, settings)
            if failure.code.name not in RETRYABLE or attempt == retries:
                raise failure from None
            time.sleep(0.5 * 2 ** attempt)
    raise AssertionError("unreachable")


def main(argv):
    args = parse_arguments(argv)

    def body():
        use_generated_dir(args.generated_dir)
        from wor.v1 import referral_pb2, referral_service_pb2, referral_service_pb2_grpc

        if args.retries < 0:
            raise SettingsError("--retries must be 0 or more")
        if args.request_id is not None and not 0 < len(args.request_id) <= 64:
            raise SettingsError("--request-id must be 1 to 64 characters")
        settings = settings_from_arguments(args, os.environ)
        request = referral_service_pb2.CreateReferralRequest(
            referral=read_referral(args.file, referral_pb2),
            request_id=args.request_id or new_request_id())
        with open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            referral = create_with_retries(stub, request, settings, args.retries).referral
        state = referral_pb2.ReferralState.Name(referral.state)
        print(referral.name)
        print(f"  state:      {state.removeprefix('REFERRAL_STATE_').lower()}")
        print(f"  etag:       {referral.etag}")
        print(f"  request_id: {request.request_id}")
        return 0

    return run_command(PROGRAM, body)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
