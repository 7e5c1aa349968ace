"""Trust: the operating system's certificate store by default, a CA file adding to it, verification always on.

On Linux truststore reads the store through OpenSSL's default paths, which SSL_CERT_FILE and SSL_CERT_DIR
point at; the tests point them at a store of their own (monkeypatch restores the environment afterwards).
"""

from __future__ import annotations

import io
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from popbill_gui.cli import Cli
from popbill_gui.cli.output import exit_code_for
from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.core.transport import Transport
from popbill_gui.simulator import DEMO_CORP_NUM
from tests.servers import TlsServer


def server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*(names or ("127.0.0.1", "localhost"))).configure_cert(context)
    return context


@pytest.fixture
def store_ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """CA-1, the only certificate in this test's "system store" (what IT installs on the staff's PCs)."""
    ca = trustme.CA(organization_name="Company root (in the system store)")
    store = tmp_path / "system-store"
    (store / "certs").mkdir(parents=True)
    ca.cert_pem.write_to_path(str(store / "cert.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(store / "cert.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(store / "certs"))
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    return ca


@pytest.fixture
def bundle_ca() -> trustme.CA:
    """CA-2, only in the CA file named in the settings."""
    return trustme.CA(organization_name="Inspection proxy (in a CA file)")


@pytest.fixture
def in_store(store_ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(server_context(store_ca)) as server:
        yield server


@pytest.fixture
def in_bundle(bundle_ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(server_context(bundle_ca)) as server:
        yield server


def write_pem(ca: trustme.CA, path: Path) -> str:
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def post(transport: Transport, server: TlsServer) -> int:
    return transport.request("POST", server.url + "/x", data=b"{}").status


def test_a_ca_in_the_system_store_is_trusted_with_no_bundle(
    in_store: TlsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = Transport(user_agent="t", lang="en")
    try:
        assert post(transport, in_store) == 200
    finally:
        transport.close()
    # The same server once the CA leaves the store: refused, so it was the store that trusted it.
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-store.pem"))
    transport = Transport(user_agent="t", lang="en")
    try:
        with pytest.raises(PopbillError) as caught:
            post(transport, in_store)
        assert caught.value.kind is Kind.TLS
    finally:
        transport.close()


def test_a_ca_file_adds_to_the_store_and_never_replaces_it(
    in_store: TlsServer, in_bundle: TlsServer, bundle_ca: trustme.CA, tmp_path: Path
) -> None:
    plain = Transport(user_agent="t", lang="en")
    with pytest.raises(PopbillError) as caught:
        post(plain, in_bundle)
    assert caught.value.kind is Kind.TLS and not caught.value.maybe_delivered
    plain.close()
    both = Transport(user_agent="t", ca_bundle=write_pem(bundle_ca, tmp_path / "ca2.pem"))
    try:
        assert post(both, in_bundle) == 200  # the CA file's server
        assert post(both, in_store) == 200  # and the store's, in the same run
    finally:
        both.close()


def test_ca_files_as_windows_hands_them_out(in_bundle: TlsServer, bundle_ca: trustme.CA, tmp_path: Path) -> None:
    pem = bundle_ca.cert_pem.bytes()
    der = tmp_path / "root-der.cer"  # the export wizard's default: DER encoded binary X.509
    der.write_bytes(ssl.PEM_cert_to_DER_cert(pem.decode()))
    base64_cer = tmp_path / "root base64.cer"  # "Base-64 encoded X.509", saved by Notepad with a BOM and CRLF
    base64_cer.write_bytes(b"\xef\xbb\xbf" + pem.replace(b"\n", b"\r\n"))
    utf16 = tmp_path / "root-utf16.pem"  # Notepad's "Unicode"
    utf16.write_bytes(pem.decode().encode("utf-16"))
    quoted = '"' + write_pem(bundle_ca, tmp_path / "회사 인증서.pem") + '"'  # "Copy as path" quotes it
    for named in (str(der), str(base64_cer), str(utf16), quoted):
        transport = Transport(user_agent="t", ca_bundle=named)
        try:
            assert post(transport, in_bundle) == 200, named
        finally:
            transport.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing.pem", "does not exist"),
        (lambda d: d, "folder"),
        (lambda d: (d / "notes.txt", (d / "notes.txt").write_text("ask IT"))[0], "holds no certificate"),
    ],
)
def test_an_unusable_ca_file_is_an_input_error_naming_it(tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    path = str(make(tmp_path))
    with pytest.raises(PopbillError) as caught:
        Transport(user_agent="t", lang="en", ca_bundle=path)
    assert caught.value.kind is Kind.CA_FILE and exit_code_for(caught.value) == 2
    assert path in caught.value.message and words in caught.value.message
    with pytest.raises(PopbillError) as korean:
        Transport(user_agent="t", lang="ko", ca_bundle=path)
    assert path in korean.value.message and korean.value.message != caught.value.message


def test_a_bad_standard_variable_is_skipped_not_fatal(
    in_store: TlsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # REQUESTS_CA_BUNDLE may have been set for other programs: a stale one must not stop ours.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "gone.pem"))
    transport = Transport(user_agent="t")
    try:
        assert post(transport, in_store) == 200
    finally:
        transport.close()
    assert "REQUESTS_CA_BUNDLE is not used" in caplog.text


def test_cli_names_a_missing_ca_file_and_sends_nothing(tmp_path: Path) -> None:
    missing = str(tmp_path / "없는 인증서.pem")
    for how in ({"POPBILL_CA_BUNDLE": f'"{missing}"'}, {}):
        err = io.StringIO()
        environ = {"POPBILL_BASE_URL": "https://127.0.0.1:9", "POPBILL_CORP_NUM": DEMO_CORP_NUM, "POPBILL_TOKEN": "t"}
        options = [] if how else ["--ca-bundle", missing]
        cli = Cli(environ={**environ, **how}, stdout=io.StringIO(), stderr=err)
        code = cli.run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@example.com", *options])
        assert code == 2
        assert missing in err.getvalue() and "POPBILL_CA_BUNDLE" in err.getvalue()
        assert "internal error" not in err.getvalue()


def test_urllib3_runs_on_our_truststore_context(in_store: TlsServer, store_ca: trustme.CA) -> None:
    transport = Transport(user_agent="t")
    try:
        context = transport.ssl_context
        assert type(context).__module__.startswith("truststore")
        assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
        assert post(transport, in_store) == 200
        # The pool the call went through (the transport asks its manager for it with verification required).
        required = {"cert_reqs": "CERT_REQUIRED"}
        pool = transport.managers.direct.connection_from_url(in_store.url, pool_kwargs=required)
        assert pool.num_connections == 1  # the very pool that carried the request
        assert pool.conn_kw["ssl_context"] is context
        assert pool.ca_certs is None and pool.ca_cert_dir is None  # nothing loaded certifi into it
        assert context.verify_mode is ssl.CERT_REQUIRED  # and urllib3 left verification on
    finally:
        transport.close()
    # A certificate for another name, from a trusted CA: the host name is checked too.
    with TlsServer(server_context(store_ca, "popbill.example")) as wrong_name:
        transport = Transport(user_agent="t")
        try:
            with pytest.raises(PopbillError) as caught:
                post(transport, wrong_name)
            assert caught.value.kind is Kind.TLS
        finally:
            transport.close()
        assert wrong_name.requests == []


def test_the_tls_sentence_says_what_to_ask_it() -> None:
    ko = PopbillError.client(Kind.TLS, "ko", host="popbill.linkhub.co.kr").message
    en = PopbillError.client(Kind.TLS, "en", host="popbill.linkhub.co.kr").message
    assert "Windows 인증서 저장소" in ko and "설정 → 고급" in ko and "전산 담당자" in ko
    assert "Windows certificate store" in en and "Settings → Advanced" in en and "ask IT" in en
    assert "POPBILL_CA_BUNDLE" in ko and "POPBILL_CA_BUNDLE" in en


def test_a_standard_variable_naming_the_system_store_is_recognised(store_ca: trustme.CA, tmp_path: Path) -> None:
    # REQUESTS_CA_BUNDLE often names the system's own bundle: it is skipped rather than loaded a second time.
    import os

    from popbill_gui.core.trust import is_system_bundle

    assert is_system_bundle(os.environ["SSL_CERT_FILE"])
    assert is_system_bundle(f'"{os.environ["SSL_CERT_FILE"]}"')
    assert not is_system_bundle(write_pem(trustme.CA(), tmp_path / "other.pem"))
    assert not is_system_bundle(str(tmp_path / "missing.pem"))
