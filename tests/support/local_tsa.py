"""A real RFC 3161 time-stamping authority on 127.0.0.1: `openssl ts -reply` behind http.server."""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_CONFIG = """\
[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256

[ tsa_reject ]
# the same authority taking only SHA-512 imprints: a SHA-256 query gets a rejection
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha512
"""


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "catalog_app tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def make_ca_and_tsa(folder: Path, label: str) -> None:
    """A test CA (ca.pem) and a TSA certificate it issued (tsa.pem, tsa.key) with
    extendedKeyUsage critical timeStamping, as RFC 3161 section 2.3 asks."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"{label} test CA")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    tsa_key = ec.generate_private_key(ec.SECP256R1())
    tsa = (x509.CertificateBuilder().subject_name(_name(f"{label} time-stamping authority"))
           .issuer_name(ca_name).public_key(tsa_key.public_key())
           .serial_number(x509.random_serial_number())
           .not_valid_before(now - dt.timedelta(days=1))
           .not_valid_after(now + dt.timedelta(days=30))
           .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
           .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                        False), critical=True)
           .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                          critical=True)
           .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.pem").write_bytes(tsa.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.key").write_bytes(_pem(tsa_key))
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(_CONFIG.format(dir=folder))


@dataclass
class LocalTsa:
    """A running TSA: `url` to POST queries to, `ca_pem` to trust; `mode` can make it misbehave
    ("ok", "http-error": HTTP 503, "garbage": bytes that are no reply, "reject": a signed
    rejection of the query's digest)."""

    folder: Path
    url: str = ""
    mode: str = "ok"
    served: int = 0
    _server: http.server.HTTPServer | None = field(default=None, repr=False)

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def ca_pem(self) -> bytes:
        return self.ca_file.read_bytes()

    def reply(self, query: bytes) -> bytes:
        """What `openssl ts -reply` answers to `query` (a DER TimeStampReq)."""
        with tempfile.TemporaryDirectory() as work:
            query_file, reply_file = Path(work) / "q.tsq", Path(work) / "r.tsr"
            query_file.write_bytes(query)
            done = subprocess.run(
                ["openssl", "ts", "-reply", "-queryfile", str(query_file),
                 "-config", str(self.folder / "tsa.cnf"), "-out", str(reply_file),
                 "-section", "tsa_reject" if self.mode == "reject" else "tsa_config"],
                capture_output=True, check=False)
            if done.returncode != 0 or not reply_file.exists():
                raise RuntimeError(f"openssl ts -reply failed: {done.stderr.decode()}")
            return reply_file.read_bytes()

    def start(self) -> None:
        tsa = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                tsa.served += 1
                if tsa.mode == "http-error" or \
                        self.headers.get("Content-Type") != "application/timestamp-query":
                    self.send_error(503, "time-stamping is not available")
                    return
                data = b"this is no time-stamp reply" if tsa.mode == "garbage" \
                    else tsa.reply(body)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:  # quiet in tests
                pass

        self._server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/tsr"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def tsa_down_url() -> str:
    """A 127.0.0.1 address nothing listens on: a TSA that is down (the connection is refused)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsr"


def _running(folder: Path, label: str) -> Iterator[LocalTsa]:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed for the local time-stamping authority (apt-get install "
                    "openssl)")
    make_ca_and_tsa(folder, label)
    tsa = LocalTsa(folder)
    tsa.start()
    try:
        yield tsa
    finally:
        tsa.stop()


@pytest.fixture
def local_tsa(tmp_path: Path) -> Iterator[LocalTsa]:
    """A TSA with its own test CA, serving on 127.0.0.1 for one test."""
    yield from _running(tmp_path / "tsa", "local")


@pytest.fixture
def other_tsa(tmp_path: Path) -> Iterator[LocalTsa]:
    """A second TSA under a different test CA (a token from it must not pass as the first's)."""
    yield from _running(tmp_path / "other-tsa", "other")
