#!/usr/bin/python3
"""Follows your organisation's referral events, reconnecting without a gap.

Prints one line per event: its resume_token, type, the referral's name and
state (no patient data). When the stream breaks (UNAVAILABLE, e.g. the
server restarts) it reconnects with the last resume_token received, with
back-off, so no event is missed or shown twice. Start where an earlier run
stopped with --resume-token; stop after --max-events events or with Ctrl-C.

    client-sdk/python/examples/watch_referrals.py \\
        --generated-dir build/client-sdk/python/generated \\
        --ca-file var/pki/ca.pem --cert-file var/pki/clients/kvk-41234567.pem \\
        --key-file var/pki/clients/kvk-41234567.key.pem \\
        --token-file var/tokens/coach.jwt [--resume-token TOKEN]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # wor_client

from wor_client import (EXIT_UNAUTHENTICATED, CallFailed,  # noqa: E402
                        SettingsError, open_channel)
from wor_client.command_line import (CONNECTION_HELP,  # noqa: E402
                                     add_connection_arguments, run_command,
                                     settings_from_arguments, use_generated_dir)

PROGRAM = "watch_referrals.py"
MAX_BACKOFF_SECONDS = 30.0


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description=__doc__.split("\n\n")[0],
        epilog=CONNECTION_HELP + "\nexit codes as list_referrals.py; 0 after "
        "--max-events events or Ctrl-C.\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resume-token", default="", metavar="TOKEN",
                        help="continue after this event (default: the oldest kept)")
    parser.add_argument("--max-events", type=int, default=0, metavar="N",
                        help="stop after N events (default: follow until Ctrl-C)")
    add_connection_arguments(parser)
    return parser.parse_args(argv)


def main(argv):
    args = parse_arguments(argv)

    def body():
        use_generated_dir(args.generated_dir)
        from wor.v1 import referral_pb2, referral_service_pb2, referral_service_pb2_grpc
        import grpc

        if args.max_events < 0:
            raise SettingsError("--max-events must be 0 or more")
        settings = settings_from_arguments(args, os.environ)
        resume_token, seen, backoff = args.resume_token, 0, 0.5
        with open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            while True:
                request = referral_service_pb2.WatchReferralsRequest(resume_token=resume_token)
                stream = stub.WatchReferrals(request)  # no deadline: it runs until cancelled
                received = False
                try:
                    for message in stream:
                        event = message.event
                        kind = referral_service_pb2.ReferralEventType.Name(event.type)
                        state = referral_pb2.ReferralState.Name(event.referral.state)
                        print(event.resume_token, kind.removeprefix("REFERRAL_EVENT_TYPE_"),
                              event.referral.name, state.removeprefix("REFERRAL_STATE_"),
                              flush=True)
                        resume_token, backoff, received = event.resume_token, 0.5, True
                        seen += 1
                        if seen == args.max_events:
                            stream.cancel()
                            return 0
                except grpc.RpcError as error:
                    failure = CallFailed.from_rpc_error(error, settings)
                    # A refused handshake is UNAVAILABLE too, but comes before
                    # any event: reconnecting would not help.
                    if failure.code != grpc.StatusCode.UNAVAILABLE or (
                            failure.exit_code == EXIT_UNAUTHENTICATED and not received):
                        raise failure from None
                    print(f"{PROGRAM}: stream lost ({failure.server_message}); "
                          f"reconnecting in {backoff:g} s", file=sys.stderr)
                else:
                    # The server ended the stream without an error (it does so
                    # only when stopping): reconnect too, but never in a loop.
                    print(f"{PROGRAM}: stream ended; reconnecting in {backoff:g} s",
                          file=sys.stderr)
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    try:
        return run_command(PROGRAM, body)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
