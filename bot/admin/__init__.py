"""The Telegram-free core of the admin side: who is admin, the audit log, runtime settings.

The Telegram handlers (``handlers/``) check :meth:`AdminStore.is_admin` with the
sender's numeric user id before anything else, record every action in the
:class:`AuditLog`, and change settings through :class:`LiveSettings`.
"""

from bot.admin.audit import AuditEntry, AuditLog, redact
from bot.admin.runtime import (
    RUNTIME_KEYS,
    LiveSettings,
    RuntimeSettingsStore,
    SettingError,
    SettingView,
    StoredSetting,
    describe,
    setting_description,
)
from bot.admin.store import Admin, AdminError, AdminStore

__all__ = [
    "RUNTIME_KEYS",
    "Admin",
    "AdminError",
    "AdminStore",
    "AuditEntry",
    "AuditLog",
    "LiveSettings",
    "RuntimeSettingsStore",
    "SettingError",
    "SettingView",
    "StoredSetting",
    "describe",
    "redact",
    "setting_description",
]
