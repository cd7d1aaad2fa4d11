"""Subscriptions: scheduled digests per chat (schedules, persistence, delivery slots)."""

from bot.subscriptions.records import Delivery, Subscription
from bot.subscriptions.schedule import Schedule, ScheduleError, check_timezone, parse_schedule
from bot.subscriptions.store import SubscriptionStore

__all__ = [
    "Delivery",
    "Schedule",
    "ScheduleError",
    "Subscription",
    "SubscriptionStore",
    "check_timezone",
    "parse_schedule",
]
