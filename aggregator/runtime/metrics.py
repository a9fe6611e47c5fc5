"""Prometheus metrics of one service instance (its own registry: no global state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

if TYPE_CHECKING:  # a web helper imports this module, and never the cycle
    from ..cycle import RunReport


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.fetches = Counter(
            "aggregator_fetches", "Feed fetches by outcome", ["outcome"], registry=r
        )
        self.fetch_seconds = Histogram(
            "aggregator_fetch_duration_seconds",
            "Duration of one feed fetch",
            registry=r,
            buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60),
        )
        self.entries = Gauge("aggregator_entries", "Entries stored", registry=r)
        self.stories = Gauge("aggregator_stories", "Stories published", registry=r)
        self.deals = Gauge("aggregator_deals", "Deal stories", registry=r)
        self.last_success = Gauge(
            "aggregator_feed_last_success_timestamp_seconds",
            "Last successful fetch per feed",
            ["feed"],
            registry=r,
        )
        self.cycle_seconds = Gauge(
            "aggregator_cycle_duration_seconds", "Duration of the last update cycle", registry=r
        )
        self.publish_seconds = Gauge(
            "aggregator_publish_duration_seconds", "Duration of the last publish", registry=r
        )
        self.cycles = Counter("aggregator_cycles", "Update cycles run", registry=r)
        self.deliveries = Gauge(
            "aggregator_alert_deliveries",
            "Webhook deliveries of alerts by status (pending, delivered, failed, dropped)",
            ["status"],
            registry=r,
        )
        self.alerts = Counter("aggregator_alerts", "Alerts fired", registry=r)

    def observe(
        self, report: RunReport, counts: dict[str, int], last_success: dict[str, float]
    ) -> None:
        """A cycle's report and the gauges read from the database after it."""
        for outcome in report.outcomes:
            kind = "error" if outcome.error else ("not_modified" if outcome.status == 304 else "ok")
            self.fetches.labels(kind).inc()
            self.fetch_seconds.observe(outcome.elapsed)
        self.cycles.inc()
        self.cycle_seconds.set(report.duration)
        self.publish_seconds.set(report.publish_seconds)
        self.alerts.inc(report.alerts.fired)
        self.observe_store(counts, last_success)

    def observe_store(self, counts: dict[str, int], last_success: dict[str, float]) -> None:
        """The gauges read from the database (after a cycle, or by ``serve`` without one)."""
        self.entries.set(counts.get("entries", 0))
        self.stories.set(counts.get("stories", 0))
        self.deals.set(counts.get("deals", 0))
        for status in ("pending", "delivered", "failed", "dropped"):
            self.deliveries.labels(status).set(counts.get(f"deliveries_{status}", 0))
        for feed, when in last_success.items():
            self.last_success.labels(feed).set(when)

    def render(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
