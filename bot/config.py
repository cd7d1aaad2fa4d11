"""One place for configuration.

Precedence, lowest first: ``config/default.toml`` < the TOML file named by the
``BRIEFBOT_CONFIG`` environment variable < ``BRIEFBOT_*`` environment variables.
Relative paths are resolved against the project root so that commands work from
any working directory.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config" / "default.toml"


def _resolve(path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path)


class Settings(BaseSettings):
    """Effective settings. Build with :func:`get_settings` or ``Settings()``."""

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore")

    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")
    user_dict_paths: list[Path] = Field(default_factory=list)
    indicators_path: Path = Path("config/indicators.toml")
    synonym_paths: list[Path] = Field(default_factory=list)

    results_per_page: int = Field(5, ge=1, le=50)
    snippet_chars: int = Field(120, ge=20, le=1000)
    fuzzy_threshold: int = Field(70, ge=0, le=100)
    max_query_chars: int = Field(200, ge=10, le=10_000)

    digest_cap: int = Field(30, ge=1, le=500)

    max_file_mb: float = Field(20, gt=0)
    passage_max_chars: int = Field(400, ge=50, le=10_000)

    @field_validator("corpus_dir", "data_dir", "indicators_path", mode="after")
    @classmethod
    def _abs_dir(cls, value: Path) -> Path:
        return _resolve(value)

    @field_validator("user_dict_paths", "synonym_paths", mode="after")
    @classmethod
    def _abs_paths(cls, value: list[Path]) -> list[Path]:
        return [_resolve(p) for p in value]

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        files: list[Path] = [DEFAULT_CONFIG_FILE]
        extra = os.environ.get("BRIEFBOT_CONFIG")
        if extra:
            extra_path = Path(extra).expanduser()
            if not extra_path.is_file():
                raise FileNotFoundError(f"BRIEFBOT_CONFIG points at a missing file: {extra_path}")
            files.append(extra_path)
        # Later files override earlier ones inside TomlConfigSettingsSource.
        toml = TomlConfigSettingsSource(settings_cls, toml_file=files)
        return (init_settings, env_settings, toml)


@lru_cache(maxsize=1)
def get_settings(**overrides: Any) -> Settings:
    """The process-wide settings (cached)."""
    return Settings(**overrides)
