#!/usr/bin/python3
"""The Python client (client-sdk/python) against the real wor-server.

The server runs as in production (real_server.py, set up as
tests/cli/walkthrough_test.sh does): mutual TLS with a development PKI made
for this run, signed user tokens, SQLite sealed with a master key. The GP of
practice 01012345 creates referrals through wor_client and the generated
stubs; the coach of welfare organisation 41234567 lists them with the
example scripts, run as /usr/bin/python3 subprocesses like a partner runs
them.

    /usr/bin/python3 tests/python/client_sdk_test.py BUILD_DIR [unittest args]

BUILD_DIR holds server/wor-server, server/wor-mint-token and the generated
modules in client-sdk/python/generated (CMake target wor_python_client).
"""

import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[2]
PYTHON_SDK = SOURCE_DIR / "client-sdk" / "python"
EXAMPLES = PYTHON_SDK / "examples"
REFERRAL_EXAMPLE = SOURCE_DIR / "client-sdk" / "cli" / "examples" / "referral.textproto"
sys.path.insert(0, str(PYTHON_SDK))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import grpc  # noqa: E402
from google.protobuf import text_format  # noqa: E402

import wor_client  # noqa: E402
from real_server import RealServer  # noqa: E402
from wor_client.command_line import use_generated_dir  # noqa: E402

BUILD_DIR = None  # set from the command line
GP = "agb-01012345"
COACH = "kvk-41234567"
ANALYST = "partner-gemeente-meppel"


class RealServerTestCase(unittest.TestCase):
    """One real server for all tests of a class; every test makes its own
    referrals and never relies on how many others made."""

    development_mode = False

    @classmethod
    def setUpClass(cls):
        cls.work_dir = Path(tempfile.mkdtemp(prefix="wor-python-client-"))
        cls.generated = BUILD_DIR / "client-sdk" / "python" / "generated"
        use_generated_dir(str(cls.generated))
        cls.server = RealServer.start(BUILD_DIR, SOURCE_DIR, cls.work_dir,
                                      development_mode=cls.development_mode)

    @classmethod
    def tearDownClass(cls):
        exit_status = cls.server.stop()
        shutil.rmtree(cls.work_dir, ignore_errors=True)
        if exit_status != 0:
            raise AssertionError(f"wor-server exited {exit_status} on SIGTERM")

    # --- identities ---
    def tls_args(self, client, token):
        pki = self.server.pki
        return ["--ca-file", f"{pki}/ca.pem",
                "--cert-file", f"{pki}/clients/{client}.pem",
                "--key-file", f"{pki}/clients/{client}.key.pem",
                "--token-file", str(self.server.token_file(token))]

    def settings(self, client, token_file, cert_dir="clients"):
        pki = self.server.pki
        return wor_client.ConnectionSettings(
            server=self.server.address, ca_file=f"{pki}/ca.pem",
            cert_file=f"{pki}/{cert_dir}/{client}.pem",
            key_file=f"{pki}/{cert_dir}/{client}.key.pem",
            token_file=str(token_file), timeout_seconds=10)

    def gp_settings(self):
        return self.settings(GP, self.server.token_file("gp"))

    def coach_settings(self):
        return self.settings(COACH, self.server.token_file("coach"))

    # --- calls ---
    def example_referral(self):
        from wor.v1 import referral_pb2
        return text_format.Parse(REFERRAL_EXAMPLE.read_text(), referral_pb2.Referral())

    def create_referral(self, request_id=None, referral=None):
        from wor.v1 import referral_service_pb2, referral_service_pb2_grpc
        settings = self.gp_settings()
        request = referral_service_pb2.CreateReferralRequest(
            referral=referral or self.example_referral(),
            request_id=request_id or wor_client.new_request_id())
        with wor_client.open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            try:
                return stub.CreateReferral(request, timeout=10).referral
            except grpc.RpcError as error:
                raise wor_client.CallFailed.from_rpc_error(error, settings) from None

    def list_pages(self, settings, page_size):
        from wor.v1 import referral_service_pb2, referral_service_pb2_grpc
        with wor_client.open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            request = referral_service_pb2.ListReferralsRequest(page_size=page_size)
            return list(wor_client.iterate_referral_pages(stub, request, timeout=10))

    def run_example(self, script, *args, extra_env=None):
        """Runs an example as a partner does: /usr/bin/python3, no WOR_*
        variables unless given, the generated modules via --generated-dir."""
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("WOR_")}
        env.update(GRPC_VERBOSITY="NONE", **(extra_env or {}))
        return subprocess.run(
            ["/usr/bin/python3", str(EXAMPLES / script),
             "--generated-dir", str(self.generated), "--server", self.server.address,
             *args], capture_output=True, text=True, env=env, timeout=60)

    def assertExit(self, result, code):
        self.assertEqual(result.returncode, code,
                         f"exit {result.returncode}, expected {code}\n"
                         f"--- stdout:\n{result.stdout}--- stderr:\n{result.stderr}")

    def assertTokenNotShown(self, text, token_name):
        token = self.server.token_file(token_name).read_text().strip()
        self.assertNotIn(token, text)
        self.assertNotIn(token.split(".")[2], text)  # the signature alone


class ReferralsOverMutualTls(RealServerTestCase):

    def test_gp_creates_a_referral_over_mtls_with_the_python_client(self):
        referral = self.create_referral()
        self.assertRegex(referral.name, r"^referrals/[A-Za-z0-9_-]+$")
        from wor.v1 import referral_pb2
        self.assertEqual(referral.state, referral_pb2.REFERRAL_STATE_REQUESTED)
        self.assertEqual(referral.welfare_organisation, "welfareOrganisations/41234567")
        self.assertTrue(referral.etag)

    def test_coach_organisation_lists_the_referral_with_the_example_script(self):
        name = self.create_referral().name
        result = self.run_example("list_referrals.py", *self.tls_args(COACH, "coach"))
        self.assertExit(result, 0)
        self.assertRegex(
            result.stdout,
            rf"(?m)^{name} +requested +01012345 +first-contact-target +\d{{4}}-\d\d-\d\d +pending$")
        self.assertEqual(result.stderr, "")

    def test_example_lists_as_csv_from_the_environment(self):
        name = self.create_referral().name
        pki = self.server.pki
        result = self.run_example("list_referrals.py", "--csv", "--state", "requested", extra_env={
            "WOR_CA_FILE": f"{pki}/ca.pem",
            "WOR_CERT_FILE": f"{pki}/clients/{COACH}.pem",
            "WOR_KEY_FILE": f"{pki}/clients/{COACH}.key.pem",
            "WOR_TOKEN_FILE": str(self.server.token_file("coach"))})
        self.assertExit(result, 0)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "name,state,practice_agb,next_deadline,due_date,deadline_status")
        self.assertIn(f"{name},requested,01012345,first-contact-target,", result.stdout)

    def test_example_prints_no_patient_data(self):
        self.create_referral()
        result = self.run_example("list_referrals.py", *self.tls_args(COACH, "coach"))
        self.assertExit(result, 0)
        for personal in ("Sanne", "de Boer", "0612345678", "example.org", "Hoofdstraat"):
            self.assertNotIn(personal, result.stdout + result.stderr)

    def test_paging_over_several_pages_returns_every_referral_once(self):
        created = {self.create_referral().name for _ in range(5)}
        pages = self.list_pages(self.coach_settings(), page_size=2)
        names = [referral.name for page in pages for referral in page.referrals]
        self.assertEqual(len(names), len(set(names)), "a referral came twice")
        self.assertLessEqual(created, set(names))
        everything = self.list_pages(self.coach_settings(), page_size=200)
        self.assertEqual(len(everything), 1)
        self.assertEqual(names, [r.name for r in everything[0].referrals])
        self.assertEqual(len(pages), math.ceil(len(names) / 2))
        self.assertGreaterEqual(len(pages), 3)
        self.assertEqual(pages[-1].next_page_token, "")

        result = self.run_example("list_referrals.py", "--page-size", "2",
                                  *self.tls_args(COACH, "coach"))
        self.assertExit(result, 0)
        listed = [line.split()[0] for line in result.stdout.splitlines()
                  if line.startswith("referrals/")]
        self.assertEqual(listed, names)

    def test_the_watch_example_resumes_after_the_given_resume_token(self):
        self.create_referral()
        self.create_referral()
        coach = self.tls_args(COACH, "coach")
        first = self.run_example("watch_referrals.py", "--max-events", "2", *coach)
        self.assertExit(first, 0)
        lines = first.stdout.splitlines()
        self.assertEqual(len(lines), 2, first.stdout)
        self.assertRegex(lines[0], r"^\S+ CREATED referrals/\S+ \S+$")
        resumed = self.run_example("watch_referrals.py", "--max-events", "1",
                                   "--resume-token", lines[0].split()[0], *coach)
        self.assertExit(resumed, 0)
        self.assertEqual(resumed.stdout.splitlines(), lines[1:])

    def test_a_retried_create_with_the_same_request_id_creates_one_referral(self):
        request_id = wor_client.new_request_id()
        first = self.create_referral(request_id=request_id)
        again = self.create_referral(request_id=request_id)
        self.assertEqual(again.name, first.name)
        self.assertEqual(again.etag, first.etag)
        result = self.run_example("create_referral.py", "--file", str(REFERRAL_EXAMPLE),
                                  "--request-id", request_id, *self.tls_args(GP, "gp"))
        self.assertExit(result, 0)
        self.assertEqual(result.stdout.splitlines()[0], first.name)
        self.assertIn(f"request_id: {request_id}", result.stdout)
        names = [r.name for page in self.list_pages(self.gp_settings(), 200)
                 for r in page.referrals]
        self.assertEqual(names.count(first.name), 1)

    def test_the_create_example_makes_a_new_referral_with_a_new_request_id(self):
        args = ("--file", str(REFERRAL_EXAMPLE), *self.tls_args(GP, "gp"))
        first = self.run_example("create_referral.py", *args)
        second = self.run_example("create_referral.py", *args)
        self.assertExit(first, 0)
        self.assertExit(second, 0)
        self.assertIn("state:      requested", first.stdout)
        self.assertNotEqual(first.stdout.splitlines()[0], second.stdout.splitlines()[0])

    def test_the_same_request_id_with_another_body_is_refused(self):
        request_id = wor_client.new_request_id()
        self.create_referral(request_id=request_id)
        other = self.example_referral()
        other.patient_question = "Een andere vraag."
        with self.assertRaises(wor_client.CallFailed) as raised:
            self.create_referral(request_id=request_id, referral=other)
        self.assertEqual(raised.exception.code, grpc.StatusCode.ALREADY_EXISTS)
        self.assertEqual(raised.exception.exit_code, wor_client.EXIT_REFUSED)
        self.assertIn("request_id", raised.exception.server_message)

    def test_a_coach_may_not_create_and_the_server_says_why(self):
        result = self.run_example("create_referral.py", "--file", str(REFERRAL_EXAMPLE),
                                  *self.tls_args(COACH, "coach"))
        self.assertExit(result, wor_client.EXIT_PERMISSION_DENIED)
        self.assertIn("PERMISSION_DENIED: ", result.stderr)
        self.assertIn("COACH", result.stderr)


class PartnerStatistics(RealServerTestCase):

    def test_the_analyst_pulls_statistics_to_csv_with_small_counts_suppressed(self):
        for _ in range(6):
            self.create_referral()
        out = self.work_dir / "statistieken.csv"
        compliance = self.work_dir / "termijnen.csv"
        result = self.run_example(
            "statistics_to_csv.py", *self.tls_args(ANALYST, "analyst"),
            "--from", "2020-01-01", "--to", "2029-12-31", "--rows", "practice",
            "--columns", "month", "--out", str(out),
            "--compliance", str(compliance))
        self.assertExit(result, 0)
        with out.open(newline="") as file:
            rows = list(csv.DictReader(file))
        grand = [r for r in rows if r["row_key"] == "TOTAL" and r["column_key"] == "TOTAL"]
        self.assertEqual(len(grand), 1)
        self.assertGreaterEqual(int(grand[0]["count"]), 6)
        practice_rows = [r for r in rows if r["row_key"] == "01012345"]
        self.assertTrue(practice_rows)
        self.assertEqual(practice_rows[0]["row_name"], "Huisartsenpraktijk De Hoofdstraat")
        for r in rows:
            if r["suppressed"] == "1":
                self.assertEqual(r["count"], "")
            else:
                self.assertFalse(1 <= int(r["count"]) <= 4, r)
        self.assertNotIn("Jan", out.read_text())
        self.assertIn("row_key,row_name,contacted", compliance.read_text())
        self.assertTokenNotShown(result.stdout + result.stderr, "analyst")

    def test_a_coach_may_not_pull_partner_statistics(self):
        result = self.run_example(
            "statistics_to_csv.py", *self.tls_args(COACH, "coach"),
            "--from", "2020-01-01", "--to", "2029-12-31")
        self.assertExit(result, 7)

    def test_a_bad_date_is_a_usage_error_before_anything_is_sent(self):
        result = self.run_example(
            "statistics_to_csv.py", *self.tls_args(ANALYST, "analyst"),
            "--from", "1 januari", "--to", "2029-12-31")
        self.assertExit(result, 2)
        self.assertIn("YYYY-MM-DD", result.stderr)


class RefusedCallers(RealServerTestCase):

    def test_a_call_without_client_certificate_is_refused_at_the_handshake(self):
        result = self.run_example("list_referrals.py", "--ca-file", f"{self.server.pki}/ca.pem")
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("client certificate", result.stderr)
        self.assertIn("--cert-file", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_a_certificate_of_an_unknown_ca_is_refused(self):
        pki = self.server.pki
        result = self.run_example(
            "list_referrals.py", "--ca-file", f"{pki}/ca.pem",
            "--cert-file", f"{pki}/other-ca/clients/{GP}.pem",
            "--key-file", f"{pki}/other-ca/clients/{GP}.key.pem",
            "--token-file", str(self.server.token_file("gp")))
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("secure connection", result.stderr)
        self.assertTokenNotShown(result.stdout + result.stderr, "gp")

    def test_a_token_of_another_organisation_is_refused_without_showing_it(self):
        result = self.run_example("list_referrals.py", *self.tls_args(COACH, "gp"))
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("UNAUTHENTICATED: the user token was issued for another organisation",
                      result.stderr)
        self.assertTokenNotShown(result.stdout + result.stderr, "gp")

    def test_an_expired_token_is_refused_without_showing_it(self):
        result = self.run_example("list_referrals.py", *self.tls_args(GP, "expired"))
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("token has expired", result.stderr)
        self.assertTokenNotShown(result.stdout + result.stderr, "expired")

    def test_a_token_is_never_sent_over_plaintext(self):
        result = self.run_example("list_referrals.py",
                                  "--token-file", str(self.server.token_file("gp")))
        self.assertExit(result, wor_client.EXIT_USAGE)
        self.assertIn("only over a secure connection", result.stderr)

    def test_plaintext_to_the_tls_server_points_at_the_tls_options(self):
        result = self.run_example("list_referrals.py")
        self.assertExit(result, wor_client.EXIT_UNREACHABLE)
        self.assertIn("--ca-file", result.stderr)

    def test_the_watch_example_does_not_retry_a_refused_handshake(self):
        result = self.run_example("watch_referrals.py", "--ca-file", f"{self.server.pki}/ca.pem")
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("--cert-file", result.stderr)

    def test_an_unknown_state_is_a_usage_error_listing_the_states(self):
        result = self.run_example("list_referrals.py", "--state", "lost",
                                  *self.tls_args(COACH, "coach"))
        self.assertExit(result, wor_client.EXIT_USAGE)
        self.assertIn("intake-scheduled", result.stderr)


class TokenFile(RealServerTestCase):

    def test_a_renewed_token_file_is_used_by_the_next_call_on_the_same_channel(self):
        from wor.v1 import referral_service_pb2, referral_service_pb2_grpc
        token_file = self.work_dir / "renewed.jwt"
        shutil.copy(self.server.token_file("expired"), token_file)
        settings = self.settings(GP, token_file)
        request = referral_service_pb2.ListReferralsRequest(page_size=1)
        with wor_client.open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            with self.assertRaises(grpc.RpcError) as raised:
                stub.ListReferrals(request, timeout=10)
            self.assertEqual(raised.exception.code(), grpc.StatusCode.UNAUTHENTICATED)
            shutil.copy(self.server.token_file("gp"), token_file)
            stub.ListReferrals(request, timeout=10)  # must not raise

    def test_a_token_file_that_vanished_fails_the_call_naming_the_file_only(self):
        from wor.v1 import referral_service_pb2, referral_service_pb2_grpc
        token_file = self.work_dir / "vanishing.jwt"
        shutil.copy(self.server.token_file("gp"), token_file)
        settings = self.settings(GP, token_file)
        with wor_client.open_channel(settings) as channel:
            stub = referral_service_pb2_grpc.ReferralServiceStub(channel)
            token_file.unlink()
            with self.assertRaises(grpc.RpcError) as raised:
                stub.ListReferrals(referral_service_pb2.ListReferralsRequest(), timeout=10)
        failure = wor_client.CallFailed.from_rpc_error(raised.exception, settings)
        self.assertIn(str(token_file), str(failure))
        self.assertIn("Your token could not be read", failure.hint)
        self.assertEqual(failure.exit_code, wor_client.EXIT_UNAUTHENTICATED)

    def test_the_token_is_in_no_repr_and_no_settings_error(self):
        token = self.server.token_file("gp").read_text().strip()
        settings = self.gp_settings()
        plugin = wor_client.TokenFileAuth(settings.token_file)
        self.assertNotIn(token, repr(settings) + repr(plugin) + str(settings))
        bad = self.work_dir / "two-words.jwt"
        bad.write_text(token + " " + token)
        with self.assertRaises(wor_client.SettingsError) as raised:
            wor_client.open_channel(self.settings(GP, bad))
        self.assertNotIn(token, str(raised.exception))
        self.assertIn(str(bad), str(raised.exception))

    def test_settings_that_do_not_fit_are_refused_before_sending(self):
        pki = self.server.pki
        cases = {
            "certificate without key": wor_client.ConnectionSettings(
                ca_file=f"{pki}/ca.pem", cert_file=f"{pki}/clients/{GP}.pem"),
            "certificate without CA": wor_client.ConnectionSettings(
                cert_file=f"{pki}/clients/{GP}.pem", key_file=f"{pki}/clients/{GP}.key.pem"),
            "dev identity with TLS": wor_client.ConnectionSettings(
                ca_file=f"{pki}/ca.pem", dev_identity="kvk:41234567,coach-1,COACH"),
            "bad dev identity": wor_client.ConnectionSettings(dev_identity="kvk:41234567,coach-1"),
        }
        for case, settings in cases.items():
            with self.subTest(case):
                with self.assertRaises(wor_client.SettingsError):
                    wor_client.open_channel(settings)

    def test_command_line_identity_replaces_the_environment_identity_of_the_other_kind(self):
        environ = {"WOR_DEV_IDENTITY": "kvk:41234567,coach-1,COACH",
                   "WOR_CA_FILE": "ca.pem", "WOR_SERVER": "example:1"}
        tls = wor_client.ConnectionSettings.from_environment(environ, token_file="t.jwt")
        self.assertEqual((tls.dev_identity, tls.ca_file, tls.server), ("", "ca.pem", "example:1"))
        dev = wor_client.ConnectionSettings.from_environment(environ, dev_identity="agb:1,u,GP")
        self.assertEqual((dev.dev_identity, dev.ca_file), ("agb:1,u,GP", ""))


class DevelopmentMode(RealServerTestCase):
    """A server with `security { development_mode: true }`: plaintext, the
    caller named by the x-wor-* headers that --dev-identity sends."""

    development_mode = True

    def test_the_examples_work_with_a_development_identity(self):
        created = self.run_example("create_referral.py", "--file", str(REFERRAL_EXAMPLE),
                                   "--dev-identity", "agb:01012345,huisarts-1,GP")
        self.assertExit(created, 0)
        name = created.stdout.splitlines()[0]
        listed = self.run_example("list_referrals.py", extra_env={
            "WOR_DEV_IDENTITY": "kvk:41234567,coach-1,coach"})
        self.assertExit(listed, 0)
        self.assertRegex(listed.stdout, rf"(?m)^{name} +requested +01012345 ")

    def test_the_role_comes_from_the_development_identity(self):
        result = self.run_example("create_referral.py", "--file", str(REFERRAL_EXAMPLE),
                                  "--dev-identity", "kvk:41234567,coach-1,COACH")
        self.assertExit(result, wor_client.EXIT_PERMISSION_DENIED)

    def test_without_identity_the_server_asks_for_one(self):
        result = self.run_example("list_referrals.py")
        self.assertExit(result, wor_client.EXIT_UNAUTHENTICATED)
        self.assertIn("--dev-identity", result.stderr)
        self.assertIn("UNAUTHENTICATED: development mode", result.stderr)


def main():
    global BUILD_DIR
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(f"usage: {sys.argv[0]} BUILD_DIR [unittest options]", file=sys.stderr)
        return 2
    BUILD_DIR = Path(sys.argv.pop(1)).resolve()
    program = unittest.main(exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
