"""The real wor-server for the Python client's tests, set up exactly as
tests/cli/walkthrough_test.sh sets it up: a development PKI made for this run
by deploy/pki/make-dev-pki.sh, a master key from `openssl rand -hex 32`,
deploy/config/demo.textproto pointed at this run's files (same sed-style
substitutions, SQLite in the work directory, listen address 127.0.0.1:0),
tokens from wor-mint-token, and the port read from the server's
"server_started" log line.

    server = RealServer.start(build_dir, source_dir, work_dir)
    ...  server.port, server.pki, server.token("gp") ...
    server.stop()

Needs BUILD_DIR/server/wor-server, BUILD_DIR/server/wor-mint-token and the
openssl command line.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import time
from pathlib import Path

START_TIMEOUT_SECONDS = 10.0

# name -> (key, issuer, subject, role, extra wor-mint-token flags); as the
# walk-through's `mint` calls.
TOKENS = {
    "gp": ("agb-01012345", "agb:01012345", "huisarts-1", "GP", ["--valid-for=8h"]),
    "coach": ("kvk-41234567", "kvk:41234567", "coach-1", "COACH", ["--valid-for=8h"]),
    "analyst": ("partner-gemeente-meppel", "partner:gemeente-meppel", "analyst-1",
                "PARTNER_ANALYST", ["--valid-for=8h"]),
    # Issued two days ago for eight hours: long expired.
    "expired": ("agb-01012345", "agb:01012345", "huisarts-1", "GP",
                [f"--now={int(time.time()) - 2 * 86400}", "--valid-for=8h"]),
}


class ServerSetupError(RuntimeError):
    pass


def _run(command, log_path: Path, what: str) -> None:
    with open(log_path, "wb") as log:
        result = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise ServerSetupError(f"{what} failed:\n{log_path.read_text(errors='replace')}")


def development_mode_config(config: str) -> str:
    """The same configuration with `security { development_mode: true }`
    instead of TLS and token keys (plaintext, identity from headers)."""
    start = config.index("\nsecurity {")
    end = config.index("\n}\n", start) + 3
    return config[:start] + "\nsecurity { development_mode: true }\n" + config[end:]


def server_config(demo_config: str, work_dir: Path, pki: Path) -> str:
    """demo.textproto pointed at this run's files, as walkthrough_test.sh's sed."""
    text = re.sub(r"(?m)^listen_address:.*", 'listen_address: "127.0.0.1:0"', demo_config)
    text = re.sub(r"(?m)^storage .*",
                  f'storage {{ sqlite {{ path: "{work_dir}/wor.db" }} }}', text)
    text = text.replace('"var/pki/', f'"{pki}/')
    text = text.replace('"var/master.key"', f'"{work_dir}/master.key"')
    text = text.replace('"var/keyring.db"', f'"{work_dir}/keyring.db"')
    if '"var/' in text or "client_ca_file" not in text:
        raise ServerSetupError("could not point demo.textproto at this run's files")
    return text


@dataclasses.dataclass
class RealServer:
    process: subprocess.Popen
    work_dir: Path
    pki: Path
    port: int
    log_path: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def token_file(self, name: str) -> Path:
        return self.work_dir / f"{name}.jwt"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    @classmethod
    def start(cls, build_dir: Path, source_dir: Path, work_dir: Path, *,
              development_mode: bool = False) -> "RealServer":
        """Starts the server; with `development_mode` plaintext, taking the
        caller's identity from x-wor-* headers (the PKI and tokens are made
        all the same)."""
        server_bin = build_dir / "server" / "wor-server"
        mint_bin = build_dir / "server" / "wor-mint-token"
        make_pki = source_dir / "deploy" / "pki" / "make-dev-pki.sh"
        for path in (server_bin, mint_bin, make_pki):
            if not path.exists():
                raise ServerSetupError(f"missing {path}")

        pki = work_dir / "pki"
        _run([str(make_pki), str(pki)], work_dir / "pki.log", "make-dev-pki.sh")
        old_umask = os.umask(0o077)
        try:
            key = subprocess.run(["openssl", "rand", "-hex", "32"], check=True,
                                 capture_output=True).stdout
            (work_dir / "master.key").write_bytes(key)
            for name, (key_name, issuer, subject, role, extra) in TOKENS.items():
                minted = subprocess.run(
                    [str(mint_bin), f"--key={pki}/tokens/{key_name}.key.pem",
                     f"--issuer={issuer}", f"--subject={subject}", f"--role={role}",
                     *extra], capture_output=True)
                if minted.returncode != 0:
                    raise ServerSetupError(
                        f"wor-mint-token {name} failed: {minted.stderr.decode(errors='replace')}")
                (work_dir / f"{name}.jwt").write_bytes(minted.stdout)
        finally:
            os.umask(old_umask)

        demo = (source_dir / "deploy" / "config" / "demo.textproto").read_text()
        config = work_dir / "server.textproto"
        text = server_config(demo, work_dir, pki)
        config.write_text(development_mode_config(text) if development_mode else text)

        log_path = work_dir / "server.log"
        log = open(log_path, "wb")
        process = subprocess.Popen([str(server_bin), "--config", str(config)],
                                   stdout=subprocess.DEVNULL, stderr=log)
        log.close()
        port = cls._wait_for_port(process, log_path)
        return cls(process, work_dir, pki, port, log_path)

    @staticmethod
    def _wait_for_port(process: subprocess.Popen, log_path: Path) -> int:
        started = re.compile(r'"event":"server_started".*"port":(\d+)')
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            match = started.search(log_path.read_text(errors="replace"))
            if match:
                return int(match.group(1))
            if process.poll() is not None:
                raise ServerSetupError(
                    f"wor-server exited at start:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.1)
        process.kill()
        process.wait()
        raise ServerSetupError(
            f"wor-server did not report its port:\n{log_path.read_text(errors='replace')}")

    def stop(self) -> int:
        """SIGTERM, as an operator stops it; returns the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
