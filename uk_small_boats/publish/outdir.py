"""The output directory: one writer at a time, only a previous build replaced, swapped in atomically.

A build holds an exclusive lock (flock on the sibling ``.NAME.lock``) from its start to its swap;
the kernel drops the lock with its process, so a killed build never blocks the next one.
Temporary folders are named after their owner's pid and swept only once that process is gone.
The swap is a single renameat2(RENAME_EXCHANGE) where the kernel and file system offer it (the
build path never goes missing); elsewhere it is two renames, and a kill between them is undone by
the next run (build, validate or info).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import PipelineError
from ..paths import REPORT_NAME


def lock_path(out: Path) -> Path:
    """The lock file beside ``out`` (``.NAME.lock``)."""
    return out.parent / f".{out.name}.lock"


def temp_path(out: Path, kind: str = "tmp") -> Path:
    """This process's temporary folder of ``kind`` (tmp or old) beside ``out``."""
    return out.parent / f".{out.name}.{kind}-{os.getpid()}"


def _owner_gone(path: Path) -> bool:
    try:
        pid = int(path.name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return False  # not named by a build: leave it alone
    if pid == os.getpid():
        return True  # an earlier build of this process; holding the lock proves it has ended
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, owned by another user
    return False


@contextmanager
def locked(out: Path, what: str = "build") -> Iterator[None]:
    """Hold the output's lock, or fail at once naming the directory another ``what`` is writing."""
    path = lock_path(out)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise PipelineError(f"cannot create the build's lock file: {exc.strerror}", file=str(path),
                            rule="output-write") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode(errors="replace").strip()
            raise PipelineError(f"another {what} is writing {out} (process {owner or 'unknown'}); "
                                f"wait for it to finish", file=str(out), rule="output-locked") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock; the file stays (unlinking it would race a waiting build)


def check_replaceable(out: Path) -> None:
    """Refuse to replace anything but a previous build (or an empty folder)."""
    if out.exists() and not out.is_dir():
        raise PipelineError("--out names an existing file, not a build directory; refusing to replace it",
                            file=str(out), rule="output-is-build")
    if out.is_dir() and any(out.iterdir()) and not (out / REPORT_NAME).is_file():
        raise PipelineError(f"--out names a folder that is not empty and not a previous build (no "
                            f"{REPORT_NAME}); refusing to replace it", file=str(out), rule="output-is-build")


def restore_interrupted(out: Path) -> bool:
    """If a kill between the two renames of a swap left no build, put the previous one back."""
    if out.exists():
        return False
    olds = [p for p in out.parent.glob(f".{out.name}.old-*") if _owner_gone(p)]
    if not olds:
        return False
    os.rename(max(olds, key=lambda p: p.stat().st_mtime), out)
    return True


def prepare(out: Path) -> None:
    """Under the lock: undo an interrupted swap, check ``out`` may be replaced, sweep dead temp folders."""
    restore_interrupted(out)
    check_replaceable(out)
    for stale in sorted(out.parent.glob(f".{out.name}.tmp-*")) + sorted(out.parent.glob(f".{out.name}.old-*")):
        if _owner_gone(stale):
            shutil.rmtree(stale, ignore_errors=True)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap(tmp: Path, out: Path) -> str:
    """Put the finished build ``tmp`` at ``out``; return how ("exchange" or "rename")."""
    if out.exists() and exchange(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous build
        return "exchange"
    old = temp_path(out, "old")
    if out.exists():
        os.rename(out, old)
    try:
        os.rename(tmp, out)
    except BaseException:
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return "rename"
