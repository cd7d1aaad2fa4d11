"""File inputs of sending methods (upload, attach://, file_id, URL) and image sizes."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Any

from fake_telegram.errors import bad_request
from fake_telegram.models import StoredFile
from fake_telegram.params import UploadedFile

if TYPE_CHECKING:
    from fake_telegram.backend import Backend


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF or JPEG image, or None if it is none of those."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        # SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def file_input(b: Backend, p: dict[str, Any], field: str) -> UploadedFile | StoredFile:
    """What ``field`` names: a fresh upload, or a file the server already has."""
    value = p.get(field)
    if isinstance(value, str) and value.startswith("attach://"):
        value = p.get(value[len("attach://") :])
    if isinstance(value, UploadedFile):
        return value
    if not value:
        raise bad_request(f"there is no {field} in the request")
    value = str(value)
    if value.lower().startswith(("http://", "https://")):
        # The fake never fetches anything from the network.
        raise bad_request("failed to get HTTP URL content")
    stored = b.world.files.get(value)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return stored
