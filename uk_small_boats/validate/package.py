"""frictionless validation of a Data Package, with its report turned into one located error."""

from __future__ import annotations

from pathlib import Path

from frictionless import FrictionlessException, Package

from ..errors import PipelineError


def validate_package(descriptor: dict | Path, basepath: Path, *, label: str) -> None:
    if isinstance(descriptor, Path):  # frictionless reads a relative path from basepath, not the cwd
        descriptor = str(descriptor.resolve())
    try:
        report = Package(descriptor, basepath=str(basepath)).validate()
    except FrictionlessException as exc:  # a descriptor frictionless cannot even load
        raise PipelineError(f"frictionless cannot read the package: {exc.error.note}", file=label,
                            rule="descriptor-invalid") from None
    if report.valid:
        return
    details, first = [], None
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
    raise PipelineError(f"frictionless found {len(details)} error(s) in {label}", file=first[0],
                        row=first[1], column=first[2], rule=first[3], details=details[:50])
