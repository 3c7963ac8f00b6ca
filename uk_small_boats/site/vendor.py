"""Front-end packages (installed from npm at pinned versions) copied into the site, so that the site
makes no request outside its own origin.

DuckDB-WASM's engine is 34 MB; it is shipped gzipped (7.6 MB) and unpacked in the browser with
DecompressionStream, which works on any static host whatever it does about Content-Encoding.
Compressing takes seconds, so the result is cached beside node_modules by the source's sha256.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from ..errors import PipelineError
from ..paths import REPO

NODE_MODULES = REPO / "node_modules"
CACHE = NODE_MODULES / ".cache" / "uk-small-boats"
VENDOR = {  # destination name -> path inside node_modules
    "vega.min.js": "vega/build/vega.min.js",
    "vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
    "Arrow.es2015.min.js": "apache-arrow/Arrow.es2015.min.js",
    "duckdb/duckdb-browser.mjs": "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
}
GZIPPED = {  # shipped as <name>.gz only
    "duckdb/duckdb-eh.wasm": "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm",
    "duckdb/duckdb-browser-eh.worker.js": "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js",
}


def gzip_file(src: Path, dest: Path) -> None:
    """Deterministic gzip (no timestamp, no name), cached by the source's content."""
    data = src.read_bytes()
    cached = CACHE / f"{hashlib.sha256(data).hexdigest()}.gz"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        tmp.replace(cached)
    shutil.copyfile(cached, dest)


def vendor(dest: Path) -> dict[str, dict[str, int]]:
    """Copy the packages into ``dest``; return the sizes of the gzipped files (packed/unpacked)."""
    missing = [src for src in {**VENDOR, **GZIPPED}.values() if not (NODE_MODULES / src).is_file()]
    if missing:
        raise PipelineError(f"front-end packages are not installed ({missing[0]} missing); run "
                            f"`npm ci` (make build does)", file=str(NODE_MODULES), rule="site-assets")
    for name, src in VENDOR.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE_MODULES / src, dest / name)
    sizes = {}
    for name, src in GZIPPED.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        gzip_file(NODE_MODULES / src, dest / f"{name}.gz")
        sizes[name] = {"packed": (dest / f"{name}.gz").stat().st_size, "unpacked": (NODE_MODULES / src).stat().st_size}
    # DuckDB-WASM imports "apache-arrow" as an ES module; Arrow ships a UMD build. The shim re-exports
    # the UMD global under every name the package exports (listed by node, so none is typed here).
    names = subprocess.run(["node", "-e", "console.log(JSON.stringify(Object.keys(require("
                            f"{json.dumps(str(NODE_MODULES / VENDOR['Arrow.es2015.min.js']))}))))"],
                           capture_output=True, text=True, check=True).stdout
    exports = "\n".join(f"export const {n} = A.{n};" for n in json.loads(names) if n.isidentifier())
    (dest / "arrow-shim.mjs").write_text("const A = globalThis.Arrow;\n" + exports + "\nexport default A;\n",
                                         encoding="utf-8")
    return sizes
