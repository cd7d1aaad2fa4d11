"""Photos and documents: uploads, re-sends by file_id, getFile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fake_telegram.compose import check_reply_markup, new_bot_message
from fake_telegram.errors import bad_request
from fake_telegram.formatting import format_text
from fake_telegram.media import file_input, image_size
from fake_telegram.models import StoredFile
from fake_telegram.params import UploadedFile
from fake_telegram.registry import api_method

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024  # getFile refuses bigger files for bots
_EXTENSIONS = {"photo": "jpg"}


def _caption(p: dict[str, Any]) -> dict[str, Any]:
    caption, entities = format_text(
        p.get("caption"), p.get("parse_mode"), p.get("caption_entities"), caption=True
    )
    content: dict[str, Any] = {}
    if caption:
        content["caption"] = caption
    if entities:
        content["caption_entities"] = entities
    if p.get("show_caption_above_media"):
        content["show_caption_above_media"] = True
    return content


@api_method("sendDocument")
async def send_document(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_can_send(chat, "documents")
    source = file_input(b, p, "document")
    if isinstance(source, UploadedFile):
        stored = b.world.store_file(
            source.data,
            "document",
            file_name=source.filename or "document",
            mime_type=source.content_type or "application/octet-stream",
        )
    elif source.kind != "document":
        raise bad_request(f"can't use file of type {source.kind.title()} as Document")
    else:
        stored = source
    content = {"document": stored.to_api(), **_caption(p)}
    markup = check_reply_markup(p.get("reply_markup"))
    return new_bot_message(b, chat, content, p, markup=markup)


@api_method("sendPhoto")
async def send_photo(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_can_send(chat, "photos")
    source = file_input(b, p, "photo")
    if isinstance(source, UploadedFile):
        size = image_size(source.data)
        if size is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        stored = b.world.store_file(
            source.data, "photo", mime_type="image/jpeg", width=size[0], height=size[1]
        )
    elif source.kind != "photo":
        raise bad_request(f"can't use file of type {source.kind.title()} as Photo")
    else:
        stored = source
    content = {"photo": [stored.to_api()], **_caption(p)}
    if p.get("has_spoiler"):
        content["has_media_spoiler"] = True
    markup = check_reply_markup(p.get("reply_markup"))
    return new_bot_message(b, chat, content, p, markup=markup)


@api_method("getFile")
async def get_file(b: Backend, p: dict[str, Any]) -> Any:
    file_id = p.get("file_id")
    if not file_id:
        raise bad_request("file_id not specified")
    stored: StoredFile | None = b.world.files.get(str(file_id))
    if stored is None:
        raise bad_request("invalid file_id")
    if stored.size > MAX_DOWNLOAD_SIZE:
        raise bad_request("file is too big")
    if stored.file_path is None:
        folder = "photos" if stored.kind == "photo" else f"{stored.kind}s"
        name = stored.file_name or ""
        extension = name.rsplit(".", 1)[1] if "." in name else _EXTENSIONS.get(stored.kind, "")
        stored.file_path = f"{folder}/file_{stored.file_unique_id}" + (
            f".{extension}" if extension else ""
        )
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "file_path": stored.file_path,
    }
