"""The build cache, beside the output (`.site.cache/` for `site/`): parsed documents keyed by their
content, and what the last build wrote. Deleting it is always safe; the next build is then cold.

Everything is keyed on content hashes, never on modification times: a file touched without being
changed costs nothing. `mouarchive build` keeps each file's hash with its stat (sources.DigestMemo,
as git's index does) so as not to read an unchanged file again; a file whose size, times, inode or
device differ, or that changed within two seconds of its hash, is hashed again.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import pickle
import secrets
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import SiteConfig, template_dirs
from .locations import cache_dir
from .sources import DigestMemo

if TYPE_CHECKING:  # write.py is not imported where a build has nothing to do
    from .write import Listing

_FORMAT = 1  # bump when a cached record changes shape


@functools.cache
def code_stamp() -> str:
    """Changes whenever mouarchive's own code does, so no cache outlives the code that wrote it.
    Read once a process, as its code was when it first asked (a build asked ten times, 2.5 ms
    each): the code a process runs does not change under it, even where its files do."""
    return code_stamp_now()


def code_stamp_now() -> str:
    """code_stamp() of the package's files as they are now (the engine kept warm asks whether the
    code a command would run is still its own)."""
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{__version__}/{_FORMAT}".encode())
    package = Path(__file__).parent
    # The interface's message catalogues (i18n.py) are part of the code: a translation edited shows.
    for path in [*sorted(package.glob("*.py")), *sorted(package.glob("locale/*/LC_MESSAGES/*.po"))]:
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: object) -> str:
    """A short, stable hash of the parts' text."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def tree_digest(*roots: Path) -> str:
    """A hash of every file under `roots` (names and bytes): templates, static files."""
    h = hashlib.blake2b(digest_size=12)
    for root in roots:
        h.update(str(root).encode("utf-8", "surrogateescape"))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
                h.update(path.read_bytes())
    return h.hexdigest()


def site_stamp(config: SiteConfig, drafts: bool = False) -> str:
    """Everything besides the documents and the clock that a page can depend on."""
    return digest(code_stamp(), config, drafts, tree_digest(*template_dirs(config), config.static))


class BodyPacks:
    """Document bodies (HTML) kept on disk in the cache, a pack file per batch of documents, so a
    build holds none of them in memory until a document's own page is rendered."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self._open: dict[str, Any] = {}

    def write(self, bodies: list[str]) -> list[tuple[str, int, int]]:
        """Store the bodies in one new pack; their references, in order."""
        data = [body.encode("utf-8") for body in bodies]
        blob = b"".join(data)
        name = hashlib.blake2b(blob, digest_size=12).hexdigest() + ".pack"
        self.dir.mkdir(parents=True, exist_ok=True)
        if not (self.dir / name).exists():
            temporary = self.dir / f".{name}.{os.getpid()}.tmp"
            temporary.write_bytes(blob)
            os.replace(temporary, self.dir / name)
        refs, offset = [], 0
        for item in data:
            refs.append((name, offset, len(item)))
            offset += len(item)
        return refs

    def read(self, ref: tuple[str, int, int]) -> str:
        name, offset, length = ref
        handle = self._open.get(name)
        if handle is None:
            handle = self._open[name] = open(self.dir / name, "rb")  # noqa: SIM115 - kept open
        return os.pread(handle.fileno(), length, offset).decode("utf-8")

    def has(self, ref: tuple[str, int, int]) -> bool:
        return (self.dir / ref[0]).is_file()

    def keep_only(self, names: set[str]) -> None:
        """Delete the packs no current document refers to."""
        with contextlib.suppress(OSError):
            for path in self.dir.glob("*.pack"):
                if path.name not in names:
                    path.unlink()


@dataclass
class Manifest:
    """What one build wrote: enough to know the next build's starting point."""

    output: str
    stamp: str  # the site's stamp: code, config, templates, static files, vocabularies
    sources: dict[str, str]  # content path -> content digest
    pages: dict[str, str] = field(default_factory=dict)  # output path -> page fingerprint
    files: tuple[str, ...] = ()  # every file the build wrote, pages and static files and index
    warnings: tuple[Any, ...] = ()  # the build's warnings, repeated when nothing has changed since

    identity: tuple[int, int] = (0, 0)  # the output directory's device and inode after the swap
    # The latest embargo that had passed and the earliest still to come when the site was built
    # (publishing.Selection.window): the same documents are held back while the clock is between.
    window: tuple[datetime | None, datetime | None] = (None, None)
    notes: tuple[str, ...] = ()  # what the build said besides warnings (what it held back)
    search: dict[str, str] = field(default_factory=dict)  # search index part -> digest of its records
    search_behind: bool = False  # the search index was kept from the build before (serve)
    # Which site this is, new with every change (`changed`): what the engine's State in the cache
    # is checked against, in place of comparing whole manifests (0.5 s at 10,000 documents).
    serial: str = field(default_factory=lambda: secrets.token_hex(8))
    # Its directories' times after the swap, for finding files put there by hand (write.Listing).
    listing: Listing | None = None
    head: str = ""  # the content's git HEAD (history.head_stamp): a commit changes the pages' history

    def changed(self, **fields: Any) -> Manifest:
        """This manifest with `fields` changed: of another site, so with a serial of its own."""
        return replace(self, serial=secrets.token_hex(8), **fields)

    def up_to_date(self, output: Path, stamp: str, sources: dict[str, str],
                   now: datetime | None = None, head: str = "") -> bool:
        """True when nothing the site is made from has changed (its content's git HEAD included),
        no embargo has passed since (nor has the clock gone back before one), and the site is the
        one we wrote (a directory put there by anything else has another inode)."""
        passed, pending = self.window
        in_window = now is None or ((passed is None or passed <= now)
                                    and (pending is None or now < pending))
        return (self.output == str(output) and self.stamp == stamp and self.sources == sources
                and self.head == head
                and in_window and directory_identity(output) == self.identity and not self.search_behind)


def directory_identity(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (0, 0)
    return (info.st_dev, info.st_ino)


def _shared_object(place: int) -> Any:
    """What a part of _save_parts writes for one of its shared objects: read back by _PartUnpickler,
    never called."""
    raise pickle.UnpicklingError(f"shared object {place} read without the objects it is among")


class _PartPickler(pickle.Pickler):
    """A pickler that writes each of the shared objects (`places`: id -> place) as its place."""

    def __init__(self, handle: Any, places: dict[int, int]) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.places = places

    def reducer_override(self, obj: Any) -> Any:  # called for instances of classes only
        place = self.places.get(id(obj))
        return NotImplemented if place is None else (_shared_object, (place,))


class _PartUnpickler(pickle.Unpickler):
    """Reads what _PartPickler wrote, each shared object's place as that object."""

    def __init__(self, handle: Any, shared: tuple[Any, ...]) -> None:
        super().__init__(handle)
        self.shared = shared

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == _shared_object.__name__:
            return self.shared.__getitem__
        return super().find_class(module, name)


class BuildCache:
    """Reads and writes the cache; every failure to read it is a cold build, never an error."""

    def __init__(self, output: Path, enabled: bool = True) -> None:
        self.dir = Path(cache_dir(output))
        self.enabled = enabled
        # Manifests read or written, by their file's signature (_signature): a manifest file is
        # written once, whole, and renamed into place, so the same signature is the same manifest.
        self._manifests: dict[tuple[int, ...], Manifest | None] = {}

    def _load(self, name: str, key: str) -> Any:
        if not self.enabled:
            return None
        try:
            with open(self.dir / name, "rb") as handle:
                stored_key, value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                ImportError, IndexError):
            return None
        return value if stored_key == key else None

    def _load_parts(self, name: str, key: str) -> list[Any] | None:
        """The parts _save_parts wrote (without the shared objects, which are in them again)."""
        if not self.enabled:
            return None
        parts: list[Any] = []
        try:
            with open(self.dir / name, "rb") as handle:
                if pickle.load(handle) != key:
                    return None
                shared = pickle.load(handle)
                while handle.peek(1):
                    parts.append(_PartUnpickler(handle, shared).load())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                ImportError, IndexError):
            return None
        return parts

    def _save_parts(self, name: str, key: str, parts: Iterable[Any], shared: tuple[Any, ...] = ()) -> None:
        """Write each of `parts` by a pickler of its own, atomically as _save does, each part made
        only once the one before is written (`parts` is iterated as it is written). A pickler holds
        every object it wrote, in its memo, until it is done (16 bytes each in a table that doubles
        as it fills, and what was made only to be pickled, kept alive: about 100 MiB at its most for
        the 1.5 million objects of the engine's State at 10,000 documents), so what is made after a
        part is written does not add to that. Parts share no object (one held by two is written,
        and read back, twice) but the `shared` ones: written first, by a pickler of their own, and
        in each part as their place among them, so that each is read back once and is the same
        object in every part. The engine's records are so written apart from the rest of its
        State: at 100,000 documents each half's memo is 256 MiB, where the whole State's, over
        two-thirds of 2**24 entries, took 512 MiB, and 768 MiB as it doubled (RESULTS.md)."""
        with contextlib.suppress(OSError):
            target = self.dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            with open(temporary, "wb") as handle:
                pickle.dump(key, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(shared, handle, protocol=pickle.HIGHEST_PROTOCOL)
                handle.flush()
                places = {id(value): index for index, value in enumerate(shared)}
                for part in parts:
                    _PartPickler(handle, places).dump(part)
                    handle.flush()
            os.replace(temporary, target)

    def _save(self, name: str, key: str, value: Any) -> None:
        """Write atomically, so a killed build leaves the old cache or the new one, never half."""
        with contextlib.suppress(OSError):
            target = self.dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            with open(temporary, "wb") as handle:
                pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)

    def compiled_templates(self) -> Path | None:
        """Where Jinja keeps compiled templates: one directory per version of mouarchive's code,
        which sets how templates compile (Jinja checks each template's own source)."""
        if not self.enabled:
            return None
        directory = self.dir / f"templates-{code_stamp()}"
        with contextlib.suppress(OSError):
            for old in self.dir.glob("templates-*"):
                if old != directory:
                    shutil.rmtree(old, ignore_errors=True)
            directory.mkdir(parents=True, exist_ok=True)
            return directory
        return None

    @property
    def bodies(self) -> BodyPacks:
        return BodyPacks(self.dir / "bodies")

    def documents(self, key: str) -> dict[str, tuple[str, Any]]:
        """Content path -> (content digest, Document) from the last build with the same key."""
        return self._load("documents.pickle", key) or {}

    def save_documents(self, key: str, documents: dict[str, tuple[str, Any]]) -> None:
        self._save("documents.pickle", key, documents)

    # The current site's manifest and the spare's are kept in two files, so that marking the spare
    # as being changed is removing its file, and the current manifest becoming the spare's is a
    # rename: each was a pickle of both written again (7 MB each at 10,000 documents).
    def current_manifest(self, output: Path) -> Manifest | None:
        """The manifest of the site the last build wrote."""
        return self._manifest(f"current-{_name(output)}.pickle")

    def spare_manifest(self, output: Path) -> Manifest | None:
        """The manifest of the spare site, if it is intact: no build was killed while changing it."""
        return self._manifest(f"spare-{_name(output)}.pickle")

    def _manifest(self, name: str) -> Manifest | None:
        """The manifest in the file `name`, read once while the file is the same: a warm engine
        (warm.py) reads the two it wrote itself for each build, 0.09 s at 10,000 documents."""
        signature = self._signature(name)
        if signature is None:
            return None
        if signature not in self._manifests:
            found = self._load(name, code_stamp())
            self._remember(signature, found if isinstance(found, Manifest) else None)
        return self._manifests[signature]

    def _signature(self, name: str) -> tuple[int, ...] | None:
        if not self.enabled:
            return None
        try:
            info = os.stat(self.dir / name)
        except OSError:
            return None
        return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns

    def _remember(self, signature: tuple[int, ...] | None, manifest: Manifest | None) -> None:
        if signature is None:
            return
        self._manifests[signature] = manifest
        while len(self._manifests) > 3:  # the current site's, the spare's, and one being replaced
            del self._manifests[next(iter(self._manifests))]

    def forget_spare(self, output: Path) -> None:
        """The spare is about to be changed: until a build has finished, it is not to be trusted."""
        with contextlib.suppress(OSError):
            (self.dir / f"spare-{_name(output)}.pickle").unlink()

    def save_current(self, output: Path, manifest: Manifest, spare: str) -> None:
        """Record `manifest` as the current site's. `spare`: "previous" when the site it replaced
        became the spare (so does that site's manifest), "same" when the spare is a copy of this
        site, "kept" when the spare is as it was, "unknown" when it is not to be trusted."""
        current = self.dir / f"current-{_name(output)}.pickle"
        spare_file = self.dir / f"spare-{_name(output)}.pickle"
        if spare != "previous":
            # The manifest this one replaces is no file's any more: forgotten, so that the spare's
            # stays remembered (a warm engine saves twice an edit, the pages and then the index).
            self._manifests.pop(self._signature(current.name), None)  # type: ignore[arg-type]
        with contextlib.suppress(OSError):
            if spare == "previous" and self.current_manifest(output) is not None:
                os.replace(current, spare_file)
            elif spare != "kept":
                spare_file.unlink(missing_ok=True)
        self._save(current.name, code_stamp(), manifest)
        # A copy of what the caller may change later (an engine's State changes its pages' map in
        # place as it patches).
        kept = replace(manifest, pages=dict(manifest.pages))
        self._remember(self._signature(current.name), kept)
        if spare == "same":
            self._save(spare_file.name, code_stamp(), manifest)
            self._remember(self._signature(spare_file.name), kept)

    def digest_memo(self, content: Path) -> DigestMemo:
        """The content files' digests with their stat (sources.DigestMemo), as the last build left them."""
        found = self._load("digests.pickle", str(content.absolute()))
        return found if isinstance(found, DigestMemo) else DigestMemo()

    def save_digest_memo(self, content: Path, memo: DigestMemo) -> None:
        self._save("digests.pickle", str(content.absolute()), memo)

    def engine_state(self, output: Path) -> list[Any] | None:
        """What the incremental engine kept of the last build of `output`: the parts it wrote
        (Engine.keep), if any."""
        return self._load_parts(f"engine-{_name(output)}.pickle", code_stamp())

    def save_engine_state(self, output: Path, parts: Iterable[Any], shared: tuple[Any, ...] = ()) -> None:
        self._save_parts(f"engine-{_name(output)}.pickle", code_stamp(), parts, shared)

    # Each part of the search index keeps the records it was made from, by their key
    # (freshness.search_keys): an edit makes its own records, not the other 490 of their part
    # (0.26 s at 10,000 documents). One file a part, so an edit reads and writes its parts only.
    def search_part(self, name: str) -> dict[str, Any]:
        """A search index part's records as the last build indexed them: key -> SearchRecord."""
        return self._load(f"search/{name}.pickle", code_stamp()) or {}

    def save_search_parts(self, parts: dict[str, dict[str, Any]], names: set[str]) -> None:
        """Keep `parts` (name -> key -> SearchRecord), and drop the files of parts not in `names`
        (the index has those parts now: a part's name changes when their number does)."""
        if not self.enabled:
            return
        for name, records in parts.items():
            self._save(f"search/{name}.pickle", code_stamp(), records)
        with contextlib.suppress(OSError):
            for old in (self.dir / "search").glob("*.pickle"):
                if old.stem not in names:
                    old.unlink()

    @property
    def lock_path(self) -> Path:
        return self.dir / "lock"

    @contextlib.contextmanager
    def lock(self) -> Iterator[bool]:
        """One build at a time per site: a second waits for the first (serve and build, say).
        Gives whether it had to wait (then the content may have changed meanwhile). Taken again
        in the process that holds it (the engine's build around the pipeline's), it is held already.
        A process forked while it is held holds it too, until both have let go (flock's lock is the
        open file's, which a fork shares): so engine.py keeps its state in the background."""
        path = str(self.lock_path.absolute())
        if path in _HELD:
            yield False
            return
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "w")  # noqa: SIM115 - held for the whole build
        except OSError:
            yield False  # a read-only site directory: build without the lock, and without the cache
            return
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                waited = False
            except BlockingIOError:
                fcntl.flock(handle, fcntl.LOCK_EX)
                waited = True
            _HELD[path] = handle.fileno()
            try:
                yield waited
            finally:
                _HELD.pop(path, None)


_HELD: dict[str, int] = {}  # the build locks this process holds (BuildCache.lock), by path: the file


def release_held_lock(path: Path) -> None:
    """Let go of the build lock at `path`, held by this process (inherited through a fork: the
    process that keeps the State, once it is kept, and stays warm; warm.py)."""
    fd = _HELD.pop(str(path.absolute()), None)
    if fd is not None:
        # The descriptor becomes /dev/null's rather than closed: the lock's file object, on the
        # stack of the build that forked this process, may close its number yet.
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, fd)
        os.close(null)


def held_lock(path: Path) -> int | None:
    """The descriptor through which this process holds the build lock at `path`, if it does: a
    process given it (inherited) holds the lock too, until every holder has let go."""
    return _HELD.get(str(path.absolute()))


def _name(output: Path) -> str:
    return hashlib.blake2b(str(output).encode("utf-8", "surrogateescape"), digest_size=6).hexdigest()
