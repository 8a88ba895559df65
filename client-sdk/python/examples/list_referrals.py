#!/usr/bin/python3
"""Lists the referrals your organisation may see, over mutual TLS.

One line per referral, oldest first: its name, state, the referring
practice's AGB code and the next deadline still open (pending or breached)
with its due day. A welfare organisation sees the referrals assigned to it,
a practice its own. No patient data is printed.

    client-sdk/python/examples/list_referrals.py \\
        --generated-dir build/client-sdk/python/generated \\
        --server 127.0.0.1:50051 --ca-file var/pki/ca.pem \\
        --cert-file var/pki/clients/kvk-41234567.pem \\
        --key-file var/pki/clients/kvk-41234567.key.pem \\
        --token-file var/tokens/coach.jwt [--state requested] [--csv]
"""

import argparse
import csv
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # wor_client

from wor_client import (CallFailed, SettingsError, iterate_referrals,  # noqa: E402
                        open_channel)
from wor_client.command_line import (CONNECTION_HELP,  # noqa: E402
                                     add_connection_arguments, run_command,
                                     settings_from_arguments, use_generated_dir)

PROGRAM = "list_referrals.py"
EXIT_CODES_HELP = """\
exit codes (as the `wor` client): 0 listed, 1 other failure, 2 wrong options
  (nothing sent), 4 request refused, 5 server unreachable, 6 certificate or
  token refused, 7 your role may not list referrals.
"""
CSV_COLUMNS = ("name", "state", "practice_agb", "next_deadline", "due_date",
               "deadline_status")
OPEN_DEADLINE_STATUSES = ("DEADLINE_STATUS_PENDING", "DEADLINE_STATUS_BREACHED")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description=__doc__.split("\n\n")[0],
        epilog=CONNECTION_HELP + "\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--state", action="append", default=[], metavar="STATE",
                        help="only referrals in this state, e.g. requested or "
                        "intake-scheduled (repeatable)")
    parser.add_argument("--page-size", type=int, default=50, metavar="N",
                        help="referrals per call, 1-200 (default 50)")
    parser.add_argument("--csv", action="store_true",
                        help="comma-separated values with a header line")
    add_connection_arguments(parser)
    return parser.parse_args(argv)


def enum_text(enum_type, number):
    """"intake-scheduled" for REFERRAL_STATE_INTAKE_SCHEDULED, as `wor` shows it."""
    name = enum_type.Name(number)
    prefix = enum_type.DESCRIPTOR.values[0].name.removesuffix("UNSPECIFIED")
    return name.removeprefix(prefix).lower().replace("_", "-")


def state_numbers(texts, referral_pb2):
    """The ReferralState numbers of "requested", "intake-scheduled", ..."""
    enum_type = referral_pb2.ReferralState
    known = {enum_text(enum_type, value.number): value.number
             for value in enum_type.DESCRIPTOR.values if value.number != 0}
    numbers = []
    for text in texts:
        key = text.lower().replace("_", "-")
        if key not in known:
            raise SettingsError(f"--state '{text}' is not a state; use one of "
                                f"{', '.join(known)}")
        numbers.append(known[key])
    return numbers


def next_open_deadline(referral, referral_pb2):
    """(kind, due day, status) of the open deadline due first, or Nones."""
    deadlines = referral.deadlines
    open_ones = []
    for field in deadlines.DESCRIPTOR.fields:
        if not deadlines.HasField(field.name):
            continue
        deadline = getattr(deadlines, field.name)
        status = referral_pb2.DeadlineStatus.Name(deadline.status)
        if status in OPEN_DEADLINE_STATUSES:
            open_ones.append((deadline.due_time.seconds, field.name, deadline))
    if not open_ones:
        return None, None, None
    _, kind, deadline = min(open_ones)
    day = deadline.due_date
    return (kind.replace("_", "-"), f"{day.year:04d}-{day.month:02d}-{day.day:02d}",
            enum_text(referral_pb2.DeadlineStatus, deadline.status))


def row(referral, referral_pb2):
    kind, due, status = next_open_deadline(referral, referral_pb2)
    return (referral.name, enum_text(referral_pb2.ReferralState, referral.state),
            referral.referrer.practice_agb, kind or "-", due or "-", status or "-")


def print_table(rows, out):
    rows = list(rows)
    header = ("NAME", "STATE", "PRACTICE", "NEXT DEADLINE", "DUE", "STATUS")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip() + "\n")
    out.write(f"{len(rows)} referral(s)\n")


def main(argv):
    args = parse_arguments(argv)

    def body():
        use_generated_dir(args.generated_dir)
        from wor.v1 import referral_pb2, referral_service_pb2, referral_service_pb2_grpc
        import grpc

        if not 1 <= args.page_size <= 200:
            raise SettingsError("--page-size must be 1 to 200")
        settings = settings_from_arguments(args, os.environ)
        request = referral_service_pb2.ListReferralsRequest(
            states=state_numbers(args.state, referral_pb2), page_size=args.page_size)
        with open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            try:
                rows = [row(referral, referral_pb2) for referral in iterate_referrals(
                    stub, request, timeout=settings.timeout_seconds)]
            except grpc.RpcError as error:
                raise CallFailed.from_rpc_error(error, settings) from None
        if args.csv:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            writer.writerows(rows)
        else:
            print_table(rows, sys.stdout)
        return 0

    return run_command(PROGRAM, body)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
