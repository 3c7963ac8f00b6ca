"""Text inputs must be UTF-8 (quote offsets count its characters): locate the first byte that is not."""

from __future__ import annotations

import csv
import io

from .errors import PipelineError


def decode(data: bytes, *, file: str, is_csv: bool = False) -> str:
    """The text of ``data``, or an error naming the line (for a CSV: its row and column) of the
    first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
    prefix = data[:start].decode("utf-8")
    row, column = prefix.count("\n") + 1, None
    if is_csv:  # rows as a CSV reader counts them (a quoted cell may span lines)
        try:
            header = next(csv.reader(io.StringIO(data.decode("utf-8", errors="replace"))), [])
            records = list(csv.reader(io.StringIO(prefix)))
        except csv.Error:
            records = []
        else:
            if not records or prefix.endswith(("\n", "\r")):
                records.append([""])
            row = len(records)
            k = len(records[-1]) - 1
            column = header[k] if k < len(header) else None
    raise PipelineError(f"not UTF-8: byte {start} is 0x{data[start]:02x}; save the file as "
                        f"UTF-8", file=file, row=row, column=column, rule="utf8")
