"""Chaos: the real bot process killed with SIGKILL at random points, restarted, checked.

The bot runs as ``python -m briefbot run`` (the real program, its own process) against
the fake Bot API server (``FakeBotApi``, in this process, on 127.0.0.1) over a copy of
the bundled corpus, with its state in a temporary data folder (SQLite). ``--subs`` users
subscribe to a digest every minute (``cron * * * * *``), so slots fall due all along the
run; an admin sends a new document now and then (``--upload-chance`` per round). Then,
``--kills`` times (default 20): the bot runs for a random time (``--min-up`` to
``--max-up`` seconds, so kills land during start-up, between slots and in an upload's
indexing; or, with ``--slot-chance``, until 0.3 to 2.5 s after the next minute, so that
they land in the slot's deliveries: 40 subscriptions, some of two messages, take a few
seconds at Telegram's 30 messages/s), is killed with SIGKILL and started again. A last run lets the
slot after the last kill be delivered, and is stopped with SIGTERM.

Checked afterwards, from the database, the fake server's records and the command line:

- **due digests**: every subscription has a delivery row for every minute from its first
  slot to the last one, each ``sent`` or ``missed`` (a slot that passed while the bot was
  down is covered by the next digest, which is sent: the documented recovery); none
  left ``pending``; the last slot ``sent``; every id a row records was really sent;
- **duplicates**: digest messages the server accepted that no delivery row records
  (sent in flight at a kill, then sent again after the restart). At most the messages
  in flight at each kill, one per delivery under way: ``min(delivery_workers, subs)``
  per kill is the bound checked;
- **uploads**: every document an admin sent that is in the index has an audit entry
  (issue 14, #11);
- ``briefbot doctor`` exits 0 (index files, caches, key targets, database).

Exit code 0 when every check passes, 1 when one fails, 2 when the run could not be done.

    .venv/bin/python -m bench.chaos                    # 20 kills
    .venv/bin/python -m bench.chaos --kills 3 --subs 4 # a quick look
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.measure import machine
from bot.config import PROJECT_ROOT
from fake_telegram import FakeBotApi

TOKEN = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"  # well-formed, not a real token
CORPUS = PROJECT_ROOT / "corpus"
WORKERS = 32  # delivery_workers (the default): messages in flight at once, at most


@dataclass
class Config:
    kills: int = 20
    subs: int = 40
    min_up: float = 1.0
    max_up: float = 9.0
    upload_chance: float = 0.4
    slot_chance: float = 0.5
    seed: int = 14
    keep: bool = False
    json_out: Path | None = None


@dataclass
class Run:
    """What happened: kills, uploads sent, the bot's exits."""

    kills: list[dict[str, Any]] = field(default_factory=list)
    uploads: list[str] = field(default_factory=list)
    started: float = 0.0


def _env(server: FakeBotApi, admin_id: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=server.url,
        BRIEFBOT_OWNERS=str(admin_id),
        BRIEFBOT_FLOOD_BURST="0",
        PYTHONUNBUFFERED="1",
    )
    return env


async def _start(corpus: Path, data: Path, env: dict[str, str], log) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefbot",
        "--corpus-dir",
        str(corpus),
        "--data-dir",
        str(data),
        "run",
        env=env,
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=log,
    )


def _document(n: int) -> bytes:
    lines = [f"第一章 混沌测试文件{n}号", ""]
    for k in range(200):
        lines.append(
            f"第{k}条 推进混沌园区{n}号第{k}期建设，到2027年产值达到{100 + k}亿元，"
            f"新增就业{k % 50 + 5}万人。"
        )
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _minute(at: datetime) -> datetime:
    return at.replace(second=0, microsecond=0)


async def _briefbot(corpus: Path, data: Path, *args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefbot",
        "--corpus-dir",
        str(corpus),
        "--data-dir",
        str(data),
        *args,
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")},
    )
    out, _ = await proc.communicate()
    return proc.returncode or 0, out.decode(errors="replace")


def _state(data: Path) -> dict[str, Any]:
    """Subscriptions, deliveries and audit entries, read from the bot's database."""
    from sqlalchemy import select

    from bot.storage.db import Database
    from bot.storage.models import AuditRow, DeliveryRow, SubscriptionRow

    db = Database.open(url=f"sqlite:///{data / 'briefbot.db'}")
    try:
        with db.session() as s:
            subs = [
                {"id": r.id, "chat_id": r.chat_id, "created_at": r.created_at}
                for r in s.scalars(select(SubscriptionRow))
            ]
            deliveries = [
                {
                    "sub": r.subscription_id,
                    "slot": r.slot,
                    "status": r.status,
                    "ids": json.loads(r.message_ids) if r.message_ids else [],
                }
                for r in s.scalars(select(DeliveryRow))
            ]
            audit = [
                {"action": r.action, "detail": r.detail, "result": r.result}
                for r in s.scalars(select(AuditRow))
            ]
    finally:
        db.close()
    return {"subs": subs, "deliveries": deliveries, "audit": audit}


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _due_slots(sub: dict[str, Any], last: datetime) -> list[datetime]:
    first = _minute(_aware(sub["created_at"])) + timedelta(minutes=1)
    slots, at = [], first
    while at <= last:
        slots.append(at)
        at += timedelta(minutes=1)
    return slots


async def _wait_delivered(data: Path, last: datetime, proc, timeout: float) -> dict[str, Any]:
    """The state once every subscription's slot ``last`` is sent (a bounded look every
    half second: the bot is another process)."""
    deadline = time.monotonic() + timeout
    while True:
        state = await asyncio.to_thread(_state, data)
        done = {
            d["sub"]
            for d in state["deliveries"]
            if _aware(d["slot"]) == last and d["status"] in ("sent", "failed")
        }
        if all(s["id"] in done for s in state["subs"]):
            return state
        if proc.returncode is not None or time.monotonic() > deadline:
            return state
        await asyncio.sleep(0.5)


def check(
    state: dict[str, Any],
    server: FakeBotApi,
    subscribers: dict[int, Any],
    setup_replies: dict[int, int],
    run: Run,
    last: datetime,
    indexed: set[str],
) -> dict[str, Any]:
    by_sub: dict[int, dict[datetime, dict[str, Any]]] = {}
    for d in state["deliveries"]:
        by_sub.setdefault(d["sub"], {})[_aware(d["slot"])] = d
    lost, pending, last_not_sent = [], [], []
    statuses: dict[str, int] = {}
    for d in state["deliveries"]:
        statuses[d["status"]] = statuses.get(d["status"], 0) + 1
    for sub in state["subs"]:
        rows = by_sub.get(sub["id"], {})
        for slot in _due_slots(sub, last):
            row = rows.get(slot)
            if row is None:
                lost.append((sub["id"], slot.isoformat()))
            elif row["status"] not in ("sent", "missed"):
                pending.append((sub["id"], slot.isoformat(), row["status"]))
        if rows.get(last, {}).get("status") != "sent":
            last_not_sent.append(sub["id"])
    # Messages into each subscriber's chat after its /subscribe reply: digests only.
    recorded: dict[int, set[int]] = {}
    chat_of = {s["id"]: s["chat_id"] for s in state["subs"]}
    for d in state["deliveries"]:
        recorded.setdefault(chat_of.get(d["sub"], 0), set()).update(d["ids"])
    duplicates = 0
    never_sent = 0
    for chat_id, _user in subscribers.items():
        sent = [m["message_id"] for m in server.bot_messages(chat_id)][setup_replies[chat_id] :]
        ids = recorded.get(chat_id, set())
        duplicates += sum(1 for m in sent if m not in ids)
        never_sent += len(ids - set(sent))
    audited = [a["detail"] for a in state["audit"] if a["action"].startswith("upload")]
    unaudited = [n for n in run.uploads if n in indexed and not any(n in d for d in audited)]
    bound = min(WORKERS, len(subscribers)) * len(run.kills)
    return {
        "due_slots": sum(len(_due_slots(s, last)) for s in state["subs"]),
        "statuses": statuses,
        "lost": lost,
        "pending": pending,
        "last_not_sent": last_not_sent,
        "duplicates": duplicates,
        "duplicate_bound": bound,
        "recorded_but_not_sent": never_sent,
        "uploads_sent": len(run.uploads),
        "uploads_indexed": len([n for n in run.uploads if n in indexed]),
        "uploads_unaudited": unaudited,
        "kills_in_deliveries": sum(1 for k in run.kills if k.get("deliveries_cut")),
        "deliveries_cut": sum(k.get("deliveries_cut", 0) for k in run.kills),
        "interrupted_uploads_audited": sum(1 for d in audited if "interrupted by a restart" in d),
        "ok": not (lost or pending or last_not_sent or never_sent or unaudited)
        and duplicates <= bound,
    }


async def chaos(cfg: Config) -> dict[str, Any]:
    rng = random.Random(cfg.seed)
    root = Path(tempfile.mkdtemp(prefix="briefbot-chaos-"))
    corpus, data = root / "corpus", root / "data"
    shutil.copytree(CORPUS, corpus)
    log = open(root / "bot.log", "ab")  # noqa: SIM115 - every run of the bot appends
    run = Run(started=time.time())
    result: dict[str, Any] = {"config": {k: str(v) for k, v in vars(cfg).items()}}
    try:
        async with FakeBotApi(token=TOKEN, language_code="zh-hans") as server:
            admin = server.add_user("Admin")
            users = [server.add_user(f"Reader{n}") for n in range(cfg.subs)]
            env = _env(server, admin.id)
            proc = await _start(corpus, data, env, log)
            await server.wait_until_polling(timeout=120)
            for user in users:
                await server.send_message(user, user, "/subscribe cron * * * * *")
                await server.next_bot_message(user, timeout=30)
            subscribers = {u.id: u for u in users}
            setup_replies = {u.id: len(server.bot_messages(u.id)) for u in users}
            print(f"chaos: {cfg.subs} subscriptions every minute; {cfg.kills} kills", flush=True)
            for n in range(cfg.kills):
                up = rng.uniform(cfg.min_up, cfg.max_up)
                if rng.random() < cfg.slot_chance:  # into the next slot's deliveries
                    up = 60.0 - time.time() % 60.0 + rng.uniform(0.3, 2.5)
                upload_at = rng.uniform(0, up) if rng.random() < cfg.upload_chance else None
                started = time.monotonic()
                if upload_at is not None:
                    await asyncio.sleep(upload_at)
                    name = f"chaos_{n:02d}.txt"
                    await server.send_document(admin, admin, name, _document(n))
                    run.uploads.append(name)
                await asyncio.sleep(max(0.0, up - (time.monotonic() - started)))
                alive = proc.returncode is None
                proc.send_signal(signal.SIGKILL)
                await proc.wait()
                state = await asyncio.to_thread(_state, data)
                cut = sum(1 for d in state["deliveries"] if d["status"] == "pending")
                run.kills.append(
                    {
                        "after_s": round(up, 2),
                        "upload": upload_at is not None,
                        "alive": alive,
                        "deliveries_cut": cut,
                    }
                )
                print(f"  kill {n + 1}: after {up:.1f}s, {cut} deliveries cut", flush=True)
                proc = await _start(corpus, data, env, log)
            # The last run: the slot after the last kill is delivered, then SIGTERM.
            await server.wait_until_polling(timeout=120)
            last = _minute(datetime.now(UTC)) + timedelta(minutes=1)
            state = await _wait_delivered(data, last, proc, timeout=180)
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 60)
            result["final_exit"] = proc.returncode
            state = await asyncio.to_thread(_state, data)
            code, listing = await _briefbot(corpus, data, "docs", "--json")
            indexed = {d["doc"] for d in json.loads(listing)} if code == 0 else set()
            result.update(check(state, server, subscribers, setup_replies, run, last, indexed))
        code, doctor = await _briefbot(corpus, data, "doctor")
        result["doctor_exit"] = code
        result["doctor"] = doctor.strip().splitlines()[-6:]
        result["ok"] = result["ok"] and code == 0 and result["final_exit"] == 0
        result["kills"] = run.kills
        result["seconds"] = round(time.time() - run.started, 1)
        result["machine"] = machine()
        result["data"] = str(root)
    finally:
        log.close()
        if not cfg.keep and result.get("ok"):
            shutil.rmtree(root, ignore_errors=True)
    return result


def report(result: dict[str, Any]) -> str:
    lines = [
        f"kills: {len(result['kills'])}, run {result['seconds']} s; "
        f"{result['kills_in_deliveries']} kills cut {result['deliveries_cut']} deliveries "
        "short (claimed, not finished)",
        f"due slots: {result['due_slots']}; rows by status: {result['statuses']}",
        f"lost slots: {len(result['lost'])}; left unfinished: {len(result['pending'])}; "
        f"last slot not sent: {len(result['last_not_sent'])}",
        f"duplicates: {result['duplicates']} (bound {result['duplicate_bound']}: "
        f"one per delivery in flight, per kill); recorded but never sent: "
        f"{result['recorded_but_not_sent']}",
        f"uploads: {result['uploads_sent']} sent, {result['uploads_indexed']} indexed, "
        f"{result['interrupted_uploads_audited']} audited as interrupted, unaudited: "
        f"{result['uploads_unaudited']}",
        f"briefbot doctor: exit {result['doctor_exit']}; final SIGTERM exit {result['final_exit']}",
        "PASS" if result["ok"] else f"FAIL (data kept in {result['data']})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--subs", type=int, default=40)
    parser.add_argument("--min-up", type=float, default=1.0)
    parser.add_argument("--max-up", type=float, default=9.0)
    parser.add_argument("--upload-chance", type=float, default=0.4)
    parser.add_argument("--slot-chance", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    parser.add_argument("--json", type=Path, dest="json_out")
    cfg = Config(**vars(parser.parse_args(argv)))
    try:
        result = asyncio.run(chaos(cfg))
    except Exception as exc:  # the run itself failed
        print(f"chaos: could not run: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    print(report(result))
    if cfg.json_out:
        cfg.json_out.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
