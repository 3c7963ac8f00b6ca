"""Build step only (metadata is in pyproject.toml): put the repository's root data files in the wheel.

The commands read the source descriptor, the Table Schemas, the curated tables and the vendored
ODS at run time. Their one committed copy stays at the repository root; building a wheel copies
them to ``uk_small_boats/_resources``, where ``uk_small_boats.paths`` finds them through
importlib.resources. An editable install copies nothing and reads the repository's files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TARGET = Path("uk_small_boats", "_resources")
# Relative to the repository root; each pattern must match at least one file.
RESOURCES = ["datapackage.json", "schemas/*.json", "data/*.csv", "data/*.yaml",
             "archive/data_small_boats_time_series.ods", "archive/LICENCE-OGL-3.0.txt",
             "archive/README.md"]


def resource_files() -> list[str]:
    found = []
    for pattern in RESOURCES:
        hits = sorted(p.relative_to(HERE).as_posix() for p in HERE.glob(pattern) if p.is_file())
        if not hits:
            raise SystemExit(f"setup.py: nothing matches {pattern!r}; the package needs it at run time")
        found += hits
    return found


class BuildPy(build_py):
    """build_py that also copies the root data files into the package (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        dest = Path(self.build_lib) / TARGET
        shutil.rmtree(dest, ignore_errors=True)  # nothing stale from an earlier build
        for rel in resource_files():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / rel, dest / rel)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        extra = [] if self.editable_mode else [str(Path(self.build_lib) / TARGET / rel)
                                               for rel in resource_files()]
        return super().get_outputs(include_bytecode) + extra

    def get_source_files(self) -> list[str]:  # so that an sdist carries them too
        return super().get_source_files() + resource_files()


# build/ is the dataset's output folder: setuptools builds in .setuptools-build/ instead.
setup(cmdclass={"build_py": BuildPy}, options={"build": {"build_base": ".setuptools-build"}})
