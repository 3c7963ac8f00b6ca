"""The runtime install carries no test-only package; every declared dependency is pinned once."""

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from uk_small_boats.paths import REPO


def _pins(name: str) -> dict[str, str]:
    lines = (REPO / name).read_text().split()
    return {canonicalize_name(line.split("==")[0]): line.split("==")[1] for line in lines}


def _declared(reqs: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in reqs}


def test_runtime_lock_has_no_test_or_dask_packages_and_pins_every_dependency():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime, test, dask = (_pins("requirements.lock"), _pins("requirements-test.lock"),
                           _pins("requirements-dask.lock"))
    assert _declared(project["dependencies"]) <= set(runtime)
    assert _declared(project["optional-dependencies"]["test"]) <= set(test)
    assert _declared(project["optional-dependencies"]["dask"]) <= set(dask)
    assert not {"pytest", "hypothesis", "playwright", "dask", "distributed"} & set(runtime)
    # a package pinned in two files (sortedcontainers: hypothesis and distributed) agrees in both
    for a, b in ((runtime, test), (runtime, dask), (test, dask)):
        assert {k: a[k] for k in a.keys() & b.keys()} == {k: b[k] for k in a.keys() & b.keys()}
