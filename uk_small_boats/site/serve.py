"""Serve a built site as it is deployed: under the path of its site_url, with 404.html (status 404)
for anything else, as GitHub Pages does. Used by the browser tests and the site bench (with Debian's
Chromium, launched with CHROMIUM_ARGS); it keeps a log of the bytes it sends."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

import yaml

from ..paths import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def deploy_prefix(site_url: str | None = None) -> str:
    """The path the site is deployed under ("/uk-small-boats/"); "/sub/path/" when none is set, so
    that a site is never served from the server's root by accident."""
    if site_url is None:
        site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or ""
    path = urlparse(site_url).path or "/sub/path/"
    return path if path.endswith("/") else path + "/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of ``directory`` under ``prefix``; anything else is 404 with the site's 404.html."""

    prefix = "/"
    log: list[tuple[str, int]] = []
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".gz": "application/gzip",
                      ".parquet": "application/vnd.apache.parquet", ".cff": "text/plain"}

    def translate_path(self, path: str) -> str:
        """The file for a URL path under the prefix; outside it, a name that exists nowhere (404)."""
        path = unquote(urlparse(path).path)
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, ".outside-the-deploy-prefix")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A 404 answers with the site's own 404.html; other errors as the standard handler does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]  # the handler passes the open file, which has tell()
        """Send a file and log its path with the bytes sent."""
        start = source.tell()
        super().copyfile(source, outputfile)
        self.log.append((urlparse(self.path).path, source.tell() - start))

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: the tests read ``log``, not stderr."""


class SiteServer:
    """A background server for ``root``: ``.base`` is the site's URL, ``.log`` the files sent."""

    def __init__(self, root: Path, prefix: str | None = None):
        self.prefix = prefix or deploy_prefix()
        self.log: list[tuple[str, int]] = []
        handler = type("Handler", (SiteHandler,), {"prefix": self.prefix, "log": self.log})
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                       functools.partial(handler, directory=str(root)))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}{self.prefix}"

    def stop(self) -> None:
        """Shut the server down and close its socket."""
        self._server.shutdown()
        self._server.server_close()
