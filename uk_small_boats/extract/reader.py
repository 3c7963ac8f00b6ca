"""Read an article file for the extractor, refusing what is not text with a clear message."""

from __future__ import annotations

from pathlib import Path

from ..errors import PipelineError

MAX_BYTES = 2 * 1024 * 1024  # an article is far smaller; a bigger file is refused with a message


def read_article(path: Path) -> str:
    """Return the text of the article at ``path``, refusing a missing, oversized, binary or non-UTF-8 file."""
    if not path.is_file():
        raise PipelineError("no such file", file=str(path), rule="input-exists")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise PipelineError(f"file is {size:,} bytes; an article is at most {MAX_BYTES:,} bytes: split "
                            f"it into articles (each needs its own publication date)",
                            file=str(path), rule="input-size")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise PipelineError("looks like a binary file (NUL bytes), not plain text", file=str(path),
                            rule="input-is-text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PipelineError(f"not UTF-8 text: byte {exc.start} is 0x{data[exc.start]:02x}; re-encode "
                            f"the file as UTF-8 (offsets are defined over UTF-8 text)",
                            file=str(path), rule="input-utf8") from None
