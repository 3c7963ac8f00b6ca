"""Articles in: Parquet or JSON Lines (a file, or a folder of them) or a folder of ID_YYYY-MM-DD.txt.

The input is cut into partitions that a worker reads on its own (a Parquet row-group slice, a run
of JSON lines from a byte offset, a list of .txt names). The plan depends only on the input and
the partition size, so a rerun finds the same partitions and can skip those already written.
A record that is not a usable article becomes a ``BadRecord`` with its reason; it never stops a run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from ..errors import PipelineError
from ..extract.reader import MAX_BYTES

REQUIRED = ("id", "published", "text")
OPTIONAL = ("publisher", "url", "title")
SUFFIXES = {".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "txt"}
TXT_NAME = re.compile(r"^(?P<id>.+)_(?P<date>\d{4}-\d{2}-\d{2})\.txt$")
TOO_BIG = f"text is over {MAX_BYTES:,} bytes; an article is far smaller (split it)"


@dataclass(frozen=True)
class Partition:
    """A slice of the input that one worker reads on its own: where it is and how many records."""

    number: int  # its place in the plan: names its output files
    kind: str  # parquet | jsonl | txt
    path: str  # the file (parquet, jsonl) or the folder (txt)
    first_row: int  # 1-based row (parquet) or line (jsonl) of its first record; 0 for txt
    count: int  # records in it
    size: int = 0  # parquet: the batch size the plan cut row groups by
    group: int = 0  # parquet: row group
    batch: int = 0  # parquet: batch within the row group
    offset: int = 0  # jsonl: byte offset of its first line
    names: tuple[str, ...] = ()  # txt: file names relative to the folder

    @property
    def name(self) -> str:
        """Name the partition's output files and its ``done/`` marker: ``part-NNNNNN``."""
        return f"part-{self.number:06d}"


@dataclass(frozen=True)
class Article:
    """A usable input record: a non-empty text with an id and a publication date."""

    id: str
    published: dt.date
    text: str
    publisher: str | None
    file: str
    row: int | None


@dataclass(frozen=True)
class BadRecord:
    """An input record that cannot be checked, with the rule it broke and why (a row of errors)."""

    id: str | None
    file: str
    row: int | None
    rule: str
    reason: str
    publisher: str | None = None
    year: int | None = None


def _files(root: Path, exclude: Path | None) -> list[Path]:
    if root.is_file():
        return [root]
    found = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if (p.is_file() and p.suffix.lower() in SUFFIXES and not any(x.startswith(".") for x in rel)
                and not (exclude and p.is_relative_to(exclude))):
            found.append(p)
    return found


def plan(root: Path, size: int, *, exclude: Path | None = None) -> tuple[list[Partition], str]:
    """The partitions of ``root`` and a fingerprint of what they were cut from (names, sizes, times)."""
    if not root.exists():
        raise PipelineError("no such file or folder", file=str(root), rule="input-exists")
    if root.is_file() and root.suffix.lower() not in SUFFIXES:
        raise PipelineError("not an input format: use .parquet, .jsonl (JSON Lines) or a folder "
                            "of ID_YYYY-MM-DD.txt files", file=str(root), rule="input-format")
    files = _files(root, exclude)
    if not files:
        raise PipelineError("no .parquet, .jsonl or .txt files in this folder", file=str(root),
                            rule="input-format")
    digest = hashlib.sha256()
    parts: list[Partition] = []
    txt: list[str] = []
    for f in files:
        st = f.stat()
        digest.update(f"{f.relative_to(root) if root.is_dir() else f.name}\t{st.st_size}\t"
                      f"{st.st_mtime_ns}\n".encode())
        kind = SUFFIXES[f.suffix.lower()]
        if kind == "txt":
            txt.append(str(f.relative_to(root)))
        else:
            cut = _parquet_parts if kind == "parquet" else _jsonl_parts
            parts += cut(f, size, len(parts))
    for i in range(0, len(txt), size):
        parts.append(Partition(len(parts), "txt", str(root), 0, len(txt[i:i + size]),
                               names=tuple(txt[i:i + size])))
    return parts, digest.hexdigest()


def _parquet_parts(path: Path, size: int, first: int) -> list[Partition]:
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for what is not Parquet
        raise PipelineError(f"cannot read as Parquet ({type(exc).__name__}: {exc})", file=str(path),
                            rule="input-parquet") from None
    names = pf.schema_arrow.names
    for col in REQUIRED:
        if col not in names:
            raise PipelineError(f"no column {col!r}; an article needs {', '.join(REQUIRED)} "
                                f"(optional: {', '.join(OPTIONAL)})", file=str(path), column=col,
                                rule="input-columns")
    parts: list[Partition] = []
    row = 1
    for g in range(pf.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        for b in range(0, n, size):
            parts.append(Partition(first + len(parts), "parquet", str(path), row + b,
                                   min(size, n - b), size=size, group=g, batch=b // size))
        row += n
    return parts


def _jsonl_parts(path: Path, size: int, first: int) -> list[Partition]:
    parts: list[Partition] = []
    offset, count, start, start_line = 0, 0, 0, 1
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, 1):
            if raw.strip():
                if count == 0:
                    start, start_line = offset, line_no
                count += 1
                if count == size:
                    parts.append(Partition(first + len(parts), "jsonl", str(path), start_line, count,
                                           offset=start))
                    count = 0
            offset += len(raw)
    if count:
        parts.append(Partition(first + len(parts), "jsonl", str(path), start_line, count, offset=start))
    return parts


def read_partition(part: Partition) -> Iterator[Article | BadRecord]:
    """Yield each record of ``part`` as an Article, or as a BadRecord saying why it is not one."""
    yield from READERS[part.kind](part)


def _read_parquet(part: Partition) -> Iterator[Article | BadRecord]:
    pf = pq.ParquetFile(part.path)
    cols = [c for c in REQUIRED + OPTIONAL if c in pf.schema_arrow.names]
    batches = pf.iter_batches(batch_size=part.size, row_groups=[part.group], columns=cols)
    batch = next(itertools.islice(batches, part.batch, None))
    for i, rec in enumerate(batch.to_pylist()):
        yield article(rec, part.path, part.first_row + i)


def _read_jsonl(part: Partition) -> Iterator[Article | BadRecord]:
    with open(part.path, "rb") as f:
        f.seek(part.offset)
        seen = 0
        for line_no, raw in enumerate(f, part.first_row):
            if seen == part.count:
                break
            if not raw.strip():
                continue
            seen += 1
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield BadRecord(None, part.path, line_no, "article-utf8",
                                f"line is not UTF-8 text: byte {exc.start} is 0x{raw[exc.start]:02x}")
                continue
            except ValueError as exc:
                yield BadRecord(None, part.path, line_no, "article-json", f"line is not JSON: {exc}")
                continue
            if not isinstance(rec, dict):
                yield BadRecord(None, part.path, line_no, "article-json",
                                f"line is a JSON {type(rec).__name__}, not an object")
                continue
            yield article(rec, part.path, line_no)


def _read_txt(part: Partition) -> Iterator[Article | BadRecord]:
    root = Path(part.path)
    for name in part.names:
        path = root / name
        m = TXT_NAME.match(path.name)
        if m is None:
            yield BadRecord(path.stem, str(path), None, "article-date",
                            "no publication date: name the file ID_YYYY-MM-DD.txt")
            continue
        if path.stat().st_size > MAX_BYTES:  # refused unread
            yield BadRecord(m["id"], str(path), None, "article-size", TOO_BIG, None, int(m["date"][:4]))
            continue
        yield article({"id": m["id"], "published": m["date"], "text": path.read_bytes()}, str(path), None)


READERS = {"parquet": _read_parquet, "jsonl": _read_jsonl, "txt": _read_txt}


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date()):
            try:
                return parse(value.strip())
            except ValueError:
                pass
    return None


def article(rec: dict, file: str, row: int | None) -> Article | BadRecord:
    """One input record as an Article, or the reason it cannot be checked."""
    rid = rec.get("id")
    rid = str(rid) if isinstance(rid, int) and not isinstance(rid, bool) else rid
    publisher = rec.get("publisher") if isinstance(rec.get("publisher"), str) else None
    published = _date(rec.get("published"))

    def bad(rule: str, reason: str) -> BadRecord:
        return BadRecord(rid if isinstance(rid, str) else None, file, row, rule, reason, publisher,
                         published.year if published else None)

    if not isinstance(rid, str) or not rid.strip():
        return bad("article-id", "no id (a non-empty string is required)")
    if published is None:
        got = rec.get("published")
        return bad("article-date", "no publication date" if got in (None, "") else
                   f"no publication date: {str(got)[:40]!r} is not a date YYYY-MM-DD")
    text = rec.get("text")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return bad("article-utf8", f"text is not UTF-8: byte {exc.start} is 0x{text[exc.start]:02x}")
    if not isinstance(text, str) or not text.strip():
        return bad("article-text", "no text")
    if len(text) > MAX_BYTES or len(text.encode("utf-8")) > MAX_BYTES:
        return bad("article-size", TOO_BIG)
    if "\x00" in text:
        return bad("article-binary", "text holds NUL bytes (binary data, not plain text)")
    return Article(rid, published, text, publisher, file, row)
