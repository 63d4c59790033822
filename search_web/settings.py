"""Settings read once at the edge (CLI options, environment) and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "BROADSHEET_DATA_DIR"
CONTACT_ENV = "BROADSHEET_CONTACT"


def default_data_dir(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "broadsheet"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where Broadsheet keeps its data; every path derives from ``data_dir``."""

    data_dir: Path
    workers: int = max(1, min(os.cpu_count() or 1, 4))
    # Who to tell about the crawler (an email or URL), sent in its User-Agent.
    contact: str | None = None

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @classmethod
    def from_env(
        cls, data_dir: str | Path | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Resolve the data directory: explicit option, then environment, then default."""
        env = os.environ if environ is None else environ
        chosen = data_dir or env.get(DATA_DIR_ENV) or default_data_dir(env)
        return cls(
            data_dir=Path(chosen).expanduser().resolve(),
            contact=(env.get(CONTACT_ENV) or "").strip() or None,
        )
