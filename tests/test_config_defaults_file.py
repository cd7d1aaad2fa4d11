"""``config/default.toml`` names every setting, so a new operator finds them all in one
file: each with the value the code defaults to, or, for a setting unset by default (the
token file, a database URL, a webhook), as a commented example line."""

from __future__ import annotations

import re
import tomllib

from bot.config import PROJECT_ROOT, Settings

DEFAULTS = PROJECT_ROOT / "config" / "default.toml"
# a setting unset by default is written as a commented example: ``# token_file = "…"``
COMMENTED = re.compile(r"^#\s*(\w+)\s*=", re.M)


def test_every_setting_is_in_default_toml_with_the_code_default():
    text = DEFAULTS.read_text("utf-8")
    values = tomllib.loads(text)
    commented = set(COMMENTED.findall(text)) | {
        w for w in Settings.model_fields if re.search(rf"^# {w} is a secret", text, re.M)
    }
    missing = []
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        if name in values:
            # a scalar as the code has it (paths are resolved and lists filled by the
            # settings: the file's are the defaults there)
            if isinstance(default, bool | int | float | str) and not name.endswith("_dir"):
                assert values[name] == default, (name, values[name], default)
        elif default is None and name in commented:
            continue
        else:
            missing.append(name)
    assert missing == [], f"settings config/default.toml does not name: {missing}"
