#!/usr/bin/python3
"""An integrator's view of the C++ SDK: install the package, build the
example project against the *installed* package only, run the example's unit
test on the shipped mocks, and list the organisation's referrals with the
example over mutual TLS from a real server.

    /usr/bin/python3 tests/sdk/installed_package_test.py BUILD_DIR

BUILD_DIR holds a built tree (server/wor-server, server/wor-mint-token,
client-sdk/cli/wor and the SDK's libraries).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE_DIR / "tests" / "python"))
from real_server import RealServer  # noqa: E402

BUILD_DIR: Path


def run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


class InstalledPackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory(prefix="wor-sdk-")
        work = Path(cls.work.name)
        cls.prefix = work / "prefix"
        installed = run(["cmake", "--install", str(BUILD_DIR), "--component",
                         "sdk", "--prefix", str(cls.prefix)])
        if installed.returncode != 0:
            raise AssertionError("cmake --install failed:\n" + installed.stdout
                                 + installed.stderr)
        cls.example_build = work / "example-build"
        # Only the installed package: no path into this source tree's SDK.
        configured = run(["cmake", "-S", str(SOURCE_DIR / "client-sdk" / "cpp" / "examples"),
                          "-B", str(cls.example_build), "-G", "Ninja",
                          f"-DCMAKE_PREFIX_PATH={cls.prefix}"])
        if configured.returncode != 0:
            raise AssertionError("configuring the example failed:\n"
                                 + configured.stdout + configured.stderr)
        built = run(["cmake", "--build", str(cls.example_build), "-j", "2"])
        if built.returncode != 0:
            raise AssertionError("building the example failed:\n" + built.stdout
                                 + built.stderr)
        (work / "server").mkdir()
        cls.server = RealServer.start(BUILD_DIR, SOURCE_DIR, work / "server")

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "server", None):
            cls.server.stop()
        cls.work.cleanup()

    def test_package_holds_the_sdk_and_nothing_of_the_server(self):
        files = {str(p.relative_to(self.prefix)) for p in self.prefix.rglob("*")
                 if p.is_file()}
        for expected in ("include/wor/client/client.h",
                         "include/wor/client/mocks/mock_referral_connection.h",
                         "include/wor/v1/referral_service.grpc.pb.h",
                         "share/wor/proto/wor/v1/referral_service.proto",
                         "lib/cmake/WorClient/WorClientConfig.cmake",
                         "lib/cmake/WorClient/WorClientConfigVersion.cmake"):
            self.assertIn(expected, files)
        self.assertTrue(any(f.endswith("libwor_client.a") for f in files), files)
        self.assertFalse([f for f in files if "server" in f and
                          not f.endswith(".proto") and "grpc.pb.h" not in f],
                         "server parts in the SDK package")

    def test_example_compiles_only_against_the_installed_headers(self):
        flags = run(["ninja", "-C", str(self.example_build), "-t", "commands",
                     "list_referrals"]).stdout
        self.assertIn(str(self.prefix / "include"), flags)
        self.assertNotIn(str(SOURCE_DIR / "client-sdk" / "cpp" / "wor"), flags)
        self.assertNotIn(str(BUILD_DIR), flags)

    def test_example_unit_test_passes_on_the_shipped_mocks(self):
        test = run([str(self.example_build / "referral_lines_test")])
        self.assertEqual(test.returncode, 0, test.stdout + test.stderr)
        self.assertIn("2 tests", test.stdout)

    def test_example_lists_the_organisations_referrals_over_mutual_tls(self):
        pki = self.server.pki
        gp = run([str(BUILD_DIR / "client-sdk" / "cli" / "wor"),
                  "--server", self.server.address,
                  "--ca-file", str(pki / "ca.pem"),
                  "--cert-file", str(pki / "clients" / "agb-01012345.pem"),
                  "--key-file", str(pki / "clients" / "agb-01012345.key.pem"),
                  "--token-file", str(self.server.token_file("gp")),
                  "create", "--file",
                  str(SOURCE_DIR / "client-sdk" / "cli" / "examples" / "referral.textproto")])
        self.assertEqual(gp.returncode, 0, gp.stdout + gp.stderr)
        name = gp.stdout.splitlines()[0]
        self.assertRegex(name, r"^referrals/[A-Za-z0-9_-]+$")

        env = dict(os.environ,
                   WOR_SERVER=self.server.address,
                   WOR_CA_FILE=str(pki / "ca.pem"),
                   WOR_CERT_FILE=str(pki / "clients" / "kvk-41234567.pem"),
                   WOR_KEY_FILE=str(pki / "clients" / "kvk-41234567.key.pem"),
                   WOR_TOKEN_FILE=str(self.server.token_file("coach")))
        listed = run([str(self.example_build / "list_referrals")], env=env)

        self.assertEqual(listed.returncode, 0, listed.stdout + listed.stderr)
        self.assertRegex(listed.stdout,
                         rf"(?m)^{name}  REFERRAL_STATE_REQUESTED  first contact due "
                         r"\d{4}-\d\d-\d\d$")
        self.assertIn("1 referrals", listed.stderr)
        self.assertNotIn("Sanne", listed.stdout + listed.stderr)

    def test_partner_example_pulls_statistics_to_csv_over_mutual_tls(self):
        pki = self.server.pki
        env = dict(os.environ,
                   WOR_SERVER=self.server.address,
                   WOR_CA_FILE=str(pki / "ca.pem"),
                   WOR_CERT_FILE=str(pki / "clients" / "partner-gemeente-meppel.pem"),
                   WOR_KEY_FILE=str(pki / "clients" / "partner-gemeente-meppel.key.pem"),
                   WOR_TOKEN_FILE=str(self.server.token_file("analyst")))
        pulled = run([str(self.example_build / "statistics_to_csv"),
                      "2020-01-01", "2029-12-31"], env=env)
        self.assertEqual(pulled.returncode, 0, pulled.stdout + pulled.stderr)
        lines = pulled.stdout.splitlines()
        self.assertEqual(lines[0], "row_key,row_name,column_key,column_name,count,suppressed")
        self.assertRegex(lines[-1], r"^TOTAL,Totaal,TOTAL,Totaal,(\d*),[01]$")
        for line in lines[1:]:
            count, suppressed = line.rsplit(",", 2)[-2:]
            if suppressed == "1":
                self.assertEqual(count, "")
            else:
                self.assertFalse(1 <= int(count) <= 4, line)
        # The coach's organisation may not.
        env.update(WOR_CERT_FILE=str(pki / "clients" / "kvk-41234567.pem"),
                   WOR_KEY_FILE=str(pki / "clients" / "kvk-41234567.key.pem"),
                   WOR_TOKEN_FILE=str(self.server.token_file("coach")))
        refused = run([str(self.example_build / "statistics_to_csv"),
                       "2020-01-01", "2029-12-31"], env=env)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("PERMISSION_DENIED", refused.stderr)

    def test_example_without_client_certificate_is_refused_with_a_reason(self):
        pki = self.server.pki
        env = dict(os.environ, WOR_SERVER=self.server.address,
                   WOR_CA_FILE=str(pki / "ca.pem"),
                   WOR_TOKEN_FILE=str(self.server.token_file("coach")))
        env.pop("WOR_CERT_FILE", None)
        env.pop("WOR_KEY_FILE", None)
        listed = run([str(self.example_build / "list_referrals")], env=env)
        self.assertEqual(listed.returncode, 1, listed.stdout + listed.stderr)
        self.assertIn("list_referrals: UNAVAILABLE", listed.stderr)
        token = self.server.token_file("coach").read_text().strip()
        self.assertNotIn(token, listed.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    BUILD_DIR = Path(sys.argv.pop(1)).resolve()
    unittest.main(verbosity=2)
