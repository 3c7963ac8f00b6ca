"""frictionless validation of a Data Package, with its report turned into one located error."""

from __future__ import annotations

from pathlib import Path

from frictionless import FrictionlessException, Package

from ..errors import PipelineError


def validate_package(descriptor: dict | Path, basepath: Path, *, label: str) -> None:
    """Validate a Data Package with frictionless; every error is listed, the first one located."""
    # frictionless reads a relative descriptor path from basepath, not the cwd
    source = str(descriptor.resolve()) if isinstance(descriptor, Path) else descriptor
    try:
        report = Package(source, basepath=str(basepath)).validate()
    except FrictionlessException as exc:  # a descriptor frictionless cannot even load
        raise PipelineError(f"frictionless cannot read the package: {exc.error.note}", file=label,
                            rule="descriptor-invalid") from None
    if report.valid:
        return
    details: list[str] = []
    first: tuple[str, int | None, str | None, str] | None = None
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            col = getattr(err, "field_name", None) or ", ".join(getattr(err, "field_names", None) or []) or None
            details.append(f"{task.place}: row {row or '-'}, column {col or '-'}: "
                           f"rule {err.type}: {err.note}")
            place = Path(basepath) / task.place  # the file's full path, as every other error gives
            first = first or (str(place) if place.exists() else task.place, row, col, err.type)
    for err in report.errors:
        details.append(f"package: rule {err.type}: {err.note}")
        first = first or (label, None, None, err.type)
    file, row, col, rule = first or (label, None, None, "frictionless")  # an invalid report has an error
    raise PipelineError(f"frictionless found {len(details)} error(s) in {label}", file=file,
                        row=row, column=col, rule=rule, details=details[:50])
