#!/usr/bin/python3
"""Pulls anonymous referral statistics to CSV, as a municipality analyst does.

Asks the server for the counts of referrals in a period by two dimensions
(for example practice by month) and writes one line per cell, plus the row,
column and grand totals, in "long" form that a spreadsheet or pandas reads
as is. Counts from 1 to 4 (and what would give them away) are suppressed by
the server: their `count` is empty and `suppressed` is 1. With --compliance
the deadline compliance per row follows in a second file.

    client-sdk/python/examples/statistics_to_csv.py \\
        --generated-dir build/client-sdk/python/generated \\
        --server 127.0.0.1:50051 --ca-file var/pki/ca.pem \\
        --cert-file var/pki/clients/partner-gemeente-meppel.pem \\
        --key-file var/pki/clients/partner-gemeente-meppel.key.pem \\
        --token-file var/tokens/analyst.jwt \\
        --from 2026-01-01 --to 2026-06-30 --rows practice --columns month \\
        --out statistieken.csv
"""

import argparse
import csv
import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # wor_client

from wor_client import CallFailed, SettingsError, open_channel  # noqa: E402
from wor_client.command_line import (CONNECTION_HELP,  # noqa: E402
                                     add_connection_arguments, run_command,
                                     settings_from_arguments, use_generated_dir)

PROGRAM = "statistics_to_csv.py"
EXIT_CODES_HELP = """\
exit codes (as the `wor` client): 0 written, 1 other failure, 2 wrong options
  (nothing sent), 4 request refused, 5 server unreachable, 6 certificate or
  token refused, 7 your role may not ask for statistics.
"""
DIMENSIONS = ("practice", "practice-group", "month", "indicator", "age-band",
              "route", "outcome")
CSV_COLUMNS = ("period_start", "period_end", "row_dimension", "row_key",
               "row_name", "column_dimension", "column_key", "column_name",
               "count", "suppressed")
COMPLIANCE_COLUMNS = ("row_key", "row_name", "contacted",
                      "share_contacted_within_target",
                      "share_contacted_within_limit",
                      "median_working_days_to_contact", "intakes_held",
                      "median_working_days_to_intake")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description=__doc__.split("\n\n")[0],
        epilog=CONNECTION_HELP + "\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD",
                        help="first referral date counted: the first day of a month")
    parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD",
                        help="last referral date counted (inclusive): the last day "
                        "of a month")
    parser.add_argument("--rows", default="practice", choices=DIMENSIONS,
                        help="what the rows count by (default practice)")
    parser.add_argument("--columns", default=None, choices=DIMENSIONS,
                        help="what the columns count by (default: one total column)")
    parser.add_argument("--out", default="-", metavar="FILE",
                        help="the CSV file (default: standard output)")
    parser.add_argument("--compliance", metavar="FILE",
                        help="also write deadline compliance per row to FILE")
    add_connection_arguments(parser)
    return parser.parse_args(argv)


def local_date(text, flag, common_pb2):
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"{flag} '{text}' is not a date; use YYYY-MM-DD") from None
    return common_pb2.LocalDate(year=day.year, month=day.month, day=day.day)


def dimension(text, partner_pb2):
    if text is None:
        return partner_pb2.STATISTICS_DIMENSION_UNSPECIFIED
    return partner_pb2.StatisticsDimension.Value(
        "STATISTICS_DIMENSION_" + text.upper().replace("-", "_"))


def count_cells(count):
    """(count, suppressed) as CSV cells: a suppressed count is empty."""
    if count.HasField("count"):
        return str(count.count), "0"
    return "", "1"


def long_rows(response, args):
    table = response.table
    rows_dim = args.rows
    cols_dim = args.columns or "total"
    for row in table.rows:
        for label, cell in zip(table.columns, row.cells):
            yield (args.start, args.end, rows_dim, row.label.key,
                   row.label.display_name, cols_dim, label.key,
                   label.display_name, *count_cells(cell))
        if row.HasField("total"):
            yield (args.start, args.end, rows_dim, row.label.key,
                   row.label.display_name, cols_dim, "TOTAL", "Totaal",
                   *count_cells(row.total))
    for label, total in zip(table.columns, table.column_totals):
        yield (args.start, args.end, rows_dim, "TOTAL", "Totaal", cols_dim,
               label.key, label.display_name, *count_cells(total))
    yield (args.start, args.end, rows_dim, "TOTAL", "Totaal", cols_dim, "TOTAL",
           "Totaal", *count_cells(table.grand_total))


def optional(message, field, digits=None):
    if not message.HasField(field):
        return ""
    value = getattr(message, field)
    return f"{value:.{digits}f}" if digits is not None else str(value)


def compliance_rows(response):
    for c in response.compliance_by_row:
        yield (c.label.key, c.label.display_name, optional(c, "contacted"),
               optional(c, "share_contacted_within_target", 3),
               optional(c, "share_contacted_within_limit", 3),
               optional(c, "median_working_days_to_contact", 1),
               optional(c, "intakes_held"),
               optional(c, "median_working_days_to_intake", 1))


def write_csv(path, header, rows):
    if path == "-":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    temporary = Path(path + ".tmp")
    with temporary.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    temporary.replace(path)  # no half-written file on failure


def main(argv):
    args = parse_arguments(argv)

    def body():
        use_generated_dir(args.generated_dir)
        from wor.v1 import common_pb2, partner_service_pb2, partner_service_pb2_grpc
        import grpc

        if args.columns is not None and args.columns == args.rows:
            raise SettingsError("--columns must differ from --rows")
        request = partner_service_pb2.GetReferralStatisticsRequest(
            period_start=local_date(args.start, "--from", common_pb2),
            period_end=local_date(args.end, "--to", common_pb2),
            rows=dimension(args.rows, partner_service_pb2),
            columns=dimension(args.columns, partner_service_pb2))
        settings = settings_from_arguments(args, os.environ)
        with open_channel(settings) as channel:
            stub = partner_service_pb2_grpc.PartnerServiceStub(channel)
            try:
                response = stub.GetReferralStatistics(
                    request, timeout=settings.timeout_seconds)
            except grpc.RpcError as error:
                raise CallFailed.from_rpc_error(error, settings) from None
        write_csv(args.out, CSV_COLUMNS, list(long_rows(response, args)))
        if args.compliance:
            write_csv(args.compliance, COMPLIANCE_COLUMNS,
                      list(compliance_rows(response)))
        if args.out != "-":
            total = response.table.grand_total
            counted = str(total.count) if total.HasField("count") else "<5"
            print(f"{args.out}: {counted} referrals; counts under "
                  f"{response.suppression_threshold} suppressed", file=sys.stderr)
        return 0

    return run_command(PROGRAM, body)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
