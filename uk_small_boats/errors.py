"""One exception type for every failure a user can meet: it names where and which rule."""

from __future__ import annotations


class PipelineError(Exception):
    """A failure located in a file (and row/column where known) with the rule it broke."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None, rule: str | None = None,
                 details: list[str] | None = None):
        self.file, self.row, self.column, self.rule = file, row, column, rule
        self.message = message
        self.details = details or []
        super().__init__(self.render())

    def __str__(self) -> str:
        return self.render()  # rendered when shown: a caller may add the file it was reading

    def render(self) -> str:
        """The message after its location and rule, then the details one per line."""
        where = [f"file {self.file}" if self.file else None,
                 f"row {self.row}" if self.row is not None else None,
                 f"column {self.column!r}" if self.column else None,
                 f"rule {self.rule}" if self.rule else None]
        head = ", ".join(w for w in where if w)
        text = f"{head}: {self.message}" if head else self.message
        if self.details:
            text += "\n" + "\n".join(f"  - {d}" for d in self.details)
        return text
