"""Command line: the composition root. Builds objects from Settings; holds no logic of its own.

The service, the pipeline and the stages behind them are imported by the commands that use
them: a process started from the ``aggregator`` script (the container's health check every
30 s, or a web helper process, which re-imports the script) loads only what it needs.
"""

from __future__ import annotations

import asyncio
import dataclasses
import difflib
import json
import logging
import os
import sys
import urllib.request
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import yaml

from .. import __version__
from ..config import (
    ENV_PREFIX,
    ENV_VARIABLES,
    ignored_env,
    load_settings,
    served_at,
    settings_to_dict,
)
from ..errors import AggregatorError, ConfigError
from ..models import Delivery, FeedState, Settings
from ..store import Store, open_store
from . import logs

if TYPE_CHECKING:
    from ..cycle import FeedOutcome

DEFAULT_CONFIG = "feeds.yaml"


class CliContext:
    def __init__(self, config: Path, log_format: str | None, verbose: bool) -> None:
        self.config = config
        self.log_format = log_format
        self.verbose = verbose
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config, os.environ)
            logs.setup(
                self.log_format or self._settings.log_format,
                logging.DEBUG if self.verbose else logging.INFO,
            )
            _warn_ignored_env()
        return self._settings


def _warn_ignored_env() -> None:
    """One warning per ``AGGREGATOR_*`` variable that aggregator does not read (a typo)."""
    for name in ignored_env(os.environ):
        suffixes = {v.removeprefix(ENV_PREFIX): v for v in ENV_VARIABLES}
        close = difflib.get_close_matches(name.removeprefix(ENV_PREFIX), suffixes, n=1, cutoff=0.6)
        hint = f" (did you mean {suffixes[close[0]]}?)" if close else ""
        logging.getLogger("aggregator.config").warning(
            "environment: %s is not a variable aggregator reads; it is ignored%s", name, hint
        )


pass_ctx = click.make_pass_decorator(CliContext)


def _given(field: str) -> Any:
    """A callback storing an option given after the subcommand on the group's context object."""

    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value not in (None, False):
            setattr(ctx.ensure_object(CliContext), field, value)

    return store


def _global_options() -> list[click.Option]:
    """``--config``, ``--log-format`` and ``-v`` of the group, also taken after a
    subcommand (``aggregator feeds --config x.yaml``); there they win."""
    return [
        click.Option(
            ["--config", "-c"],
            type=click.Path(path_type=Path),
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_given("config"),
            help="The feeds.yaml to use (as before the command).",
        ),
        click.Option(
            ["--log-format"],
            type=click.Choice(["text", "json"]),
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_given("log_format"),
            help="Log lines as text or JSON.",
        ),
        click.Option(
            ["--verbose", "-v"],
            is_flag=True,
            default=False,
            expose_value=False,
            is_eager=True,
            callback=_given("verbose"),
            help="Debug logging.",
        ),
    ]


def _serving_options(command: Any) -> Any:
    """``--host`` and ``--port`` of ``serve`` and ``run``: they override server.host/port."""
    command = click.option(
        "--port",
        type=click.IntRange(1, 65535),
        default=None,
        help="Port to listen on (default: server.port).",
    )(command)
    return click.option(
        "--host", default=None, help="Address to listen on (default: server.host)."
    )(command)


@click.group()
@click.version_option(__version__, prog_name="aggregator")
@click.option(
    "--config",
    "-c",
    type=click.Path(path_type=Path),
    envvar="AGGREGATOR_CONFIG",
    default=DEFAULT_CONFIG,
    show_default=True,
    help="The feeds.yaml to use.",
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default=None,
    help="Log lines as text or JSON (default: the config's log_format).",
)
@click.option("--verbose", "-v", is_flag=True, help="Debug logging.")
@click.pass_context
def cli(ctx: click.Context, config: Path, log_format: str | None, verbose: bool) -> None:
    """Follow AI-industry feeds, merge stories, tag deals, publish Atom feeds."""
    ctx.obj = CliContext(config, log_format, verbose)


# ---------------------------------------------------------------------------- config


@cli.group()
def config() -> None:
    """Check or show the configuration."""


@config.command("check")
@pass_ctx
def config_check(ctx: CliContext) -> None:
    """Validate the config file; exit 2 with file:line: key: message on error."""
    settings = ctx.settings
    click.echo(f"{ctx.config}: OK ({len(settings.feeds)} feeds)")


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of YAML.")
@pass_ctx
def config_show(ctx: CliContext, as_json: bool) -> None:
    """Print the effective settings (file + defaults + AGGREGATOR_* environment); webhook
    secrets are shown as <hidden>."""
    data = settings_to_dict(ctx.settings, hide_secrets=True)
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
    else:
        click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


# ---------------------------------------------------------------------------- cycles

_ADOPT = click.option(
    "--adopt-site",
    is_flag=True,
    help="Publish over a site made from another database (publish.adopt_site).",
)


@cli.command()
@click.option("--all", "all_feeds", is_flag=True, help="Fetch every feed, ignoring the schedule.")
@_ADOPT
@pass_ctx
def update(ctx: CliContext, all_feeds: bool, adopt_site: bool) -> None:
    """Run one update cycle: fetch due feeds, store, cluster, tag, publish."""
    from .. import cycle as pipeline
    from .readiness import utcnow
    from .service import Service
    from .worker import forked_pool

    settings = ctx.settings
    if adopt_site:
        settings = dataclasses.replace(settings, adopt_site=True)
    # forked first, while this process has no thread and no database connection
    service = Service(settings, executor=forked_pool())
    store = open_store(settings)
    show = _progress(sys.stderr.isatty())
    try:
        report = pipeline.run_once(
            settings,
            store,
            service.fetcher,
            utcnow(),
            all_feeds=all_feeds,
            executor=service.executor,
            progress=show,
            stories=pipeline.StoryWindow(
                snapshot=pipeline.snapshot_path(settings.database), keep=False
            ),
        )
    finally:
        store.close()
        service.close()
    click.echo(
        f"{report.feeds_due} feeds due: {report.fetched} fetched, {report.not_modified} not "
        f"modified, {report.failed} failed; {report.new_entries} new entries; "
        f"{report.stories_created} new stories, {report.stories_joined} joined, "
        f"{report.stories_merged} merged; {report.published} files published "
        f"to {settings.output} in {report.duration:.1f}s"
    )
    if report.store_error:
        raise click.ClickException(f"the database refused a write: {report.store_error}")
    if report.publish_error:
        raise click.ClickException(f"publish failed: {report.publish_error}")


def _progress(tty: bool):  # type: ignore[no-untyped-def]
    def show(outcome: FeedOutcome) -> None:
        state = outcome.error or (
            "not modified" if outcome.status == 304 else f"{outcome.new_entries} new"
        )
        if tty:
            click.echo(f"  {outcome.feed:<32} {state}", err=True)
        else:
            logging.getLogger("aggregator.update").info(
                "feed %s: %s",
                outcome.feed,
                state,
                extra={
                    "feed": outcome.feed,
                    "status": outcome.status,
                    "new_entries": outcome.new_entries,
                },
            )

    return show


@cli.command()
@_ADOPT
@pass_ctx
def publish(ctx: CliContext, adopt_site: bool) -> None:
    """Rewrite the site directory from the database (no fetching)."""
    from .. import cycle as pipeline
    from .readiness import utcnow

    settings = ctx.settings
    if adopt_site:
        settings = dataclasses.replace(settings, adopt_site=True)
    store = open_store(settings)
    try:
        published = pipeline.publish_now(settings, store, utcnow(), complete=True)
    finally:
        store.close()
    if published.error:
        raise click.ClickException(f"publish failed: {published.error}")
    click.echo(f"{published.written} files written to {settings.output}")


@cli.command()
@_serving_options
@pass_ctx
def serve(ctx: CliContext, host: str | None, port: int | None) -> None:
    """Serve the site directory over HTTP (no fetching)."""
    _serve(served_at(ctx.settings, host, port), schedule=False)


@cli.command()
@_serving_options
@pass_ctx
def run(ctx: CliContext, host: str | None, port: int | None) -> None:
    """Run the service: scheduled update cycles plus the HTTP server."""
    _serve(served_at(ctx.settings, host, port), schedule=True)


def _serve(settings: Settings, *, schedule: bool) -> None:
    from .service import Service

    open_store(settings).close()  # migrate now; a newer database is refused before serving
    service = Service(settings, isolated=schedule)
    asyncio.run(service.serve(schedule=schedule))
    if not service.cycle_done.is_set():
        logging.shutdown()
        os._exit(0)  # the cycle did not end within the grace; its transactions keep the data whole


# ---------------------------------------------------------------------------- inspection


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def feeds(ctx: CliContext, as_json: bool) -> None:
    """A table of each feed's state: last fetch, status, error, entries, next fetch."""
    from .readiness import ReadinessProbe, service_verdict

    settings = ctx.settings
    with _inspect_store(settings) as store:
        store.sync_feeds(settings.feeds)
        states = store.feed_states()
    health = service_verdict(settings)  # a running service knows what the database cannot
    if health is None:
        probe = ReadinessProbe(settings)
        try:
            health = probe()
        finally:
            probe.close()
    if as_json:
        click.echo(json.dumps([_feed_json(s) for s in states], indent=2))
        return
    click.echo(_health_line(health.ready, health.detail))
    cols = ["name", "status", "entries", "errors", "last_fetch", "next_fetch", "error"]
    click.echo(_table(cols, [_feed_row(s) for s in states]))


def _health_line(ready: bool, detail: Mapping[str, object]) -> str:
    """``health: ready`` or ``health: NOT READY: <reason> (<what failed>)``, as /readyz."""
    if ready:
        return "health: ready"
    reason = detail.get("reason") or "not ready"
    faults = [
        f"{key}: {detail[key]}"
        for key in ("database", "store_error", "publish_error", "cycle_error")
        if key in detail and not (key == "database" and detail[key] == "ok")
    ]
    if "feed_error" in detail:  # the whole error is the table's (and --json's)
        error = str(detail["feed_error"])
        faults.append(f"feed_error: {error[:60]}…" if len(error) > 61 else f"feed_error: {error}")
    return f"health: NOT READY: {reason}" + (f" ({'; '.join(faults)})" if faults else "")


def _inspect_store(settings: Settings) -> Any:
    """The store for a command that only looks (``feeds``, ``stories``, ``backup``): a
    missing database is made (a new installation) unless the site was published from one,
    which means the database went: then it is an error, never a fresh, empty database."""
    from ..publish._marker import site_installation

    if not settings.database.exists() and site_installation(settings.output) is not None:
        raise click.ClickException(
            f"{settings.database}: the database file is gone, but {settings.output} was "
            "published from one: restore a backup (a fresh database would not be published)"
        )
    return open_store(settings)


def _feed_row(state: FeedState) -> dict[str, Any]:
    """A row of the table: times in UTC to the minute, the error cut to 60 characters."""

    def t(value: datetime | None) -> str:
        return value.strftime("%Y-%m-%d %H:%M") if value else "-"

    return {
        "name": state.name,
        "status": state.disabled or state.last_status or "-",
        "entries": state.entry_count,
        "errors": state.error_count,
        "last_fetch": t(state.last_fetch_at),
        "next_fetch": t(state.next_fetch_at),
        "error": (state.last_error or "")[:60],
        "url": state.url,
    }


def _feed_json(state: FeedState) -> dict[str, Any]:
    """A feed for ``feeds --json``: the whole error, times in ISO 8601 with their zone."""

    def t(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "name": state.name,
        "status": state.disabled or state.last_status,
        "entries": state.entry_count,
        "errors": state.error_count,
        "last_fetch": t(state.last_fetch_at),
        "last_success": t(state.last_success_at),
        "next_fetch": t(state.next_fetch_at),
        "error": state.last_error,
        "url": state.url,
    }


def _table(cols: list[str], rows: list[dict[str, Any]]) -> str:
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in cols}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in cols)]
    lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(lines)


@cli.command()
@click.option(
    "--explain",
    "explain_id",
    type=int,
    default=None,
    help="Show why the entries of story ID were grouped.",
)
@click.option("--limit", default=20, show_default=True)
@pass_ctx
def stories(ctx: CliContext, explain_id: int | None, limit: int) -> None:
    """List the newest stories, or explain one."""
    from ..models import StoryQuery

    with _inspect_store(ctx.settings) as store:
        if explain_id is not None:
            _explain(store, explain_id, ctx.settings.story_window_days)
            return
        for story in store.select_stories(StoryQuery(), limit=limit):
            deal = f" [{story.deal.type}]" if story.deal else ""
            sources = max(story.source_count, len(story.sources))
            click.echo(f"{story.id:>6}  {sources} src{deal}  {story.title}")


def _explain(store: Store, story_id: int, window_days: float) -> None:
    from ..stories import StoryOptions

    live = store.live_story_id(story_id)
    if live is None:
        raise click.ClickException(f"no story {story_id}")
    if live != story_id:
        click.echo(f"story {story_id} was merged into story {live}")
    options = StoryOptions(window_days=window_days)
    click.echo(
        f"story {live}: (an entry joins at score >= {options.threshold:.2f}, "
        f"within {options.window_days:g} days)"
    )
    for link in store.explain(live):
        terms = ", ".join(link.shared_terms) or "-"
        matched = f" matched entry {link.matched_entry_id}" if link.matched_entry_id else ""
        click.echo(
            f"  entry {link.entry_id} [{link.feed}] {link.title}\n"
            f"      rule={link.rule} score={link.score:.2f}{matched} "
            f"shared terms: {terms}"
        )
    for merge in store.merges_into(live):
        at = merge.merged_at.isoformat(timespec="seconds")
        click.echo(
            f"  absorbed story {merge.dropped_id} at {at} (entry {merge.entry_id} linked both)"
        )


@cli.command()
@click.option("--all", "show_all", is_flag=True, help="Also the delivered and dropped deliveries.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def alerts(ctx: CliContext, show_all: bool, limit: int, as_json: bool) -> None:
    """The webhook deliveries of alerts that are pending or failed (newest first)."""
    statuses = ["pending", "failed"] + (["delivered", "dropped"] if show_all else [])
    with open_store(ctx.settings) as store:
        counts = store.delivery_counts()
        rows = [_delivery_row(d) for d in store.deliveries(statuses, limit)]
    if as_json:
        click.echo(json.dumps({"counts": counts, "deliveries": rows}, indent=2))
        return
    click.echo(", ".join(f"{n} {status}" for status, n in counts.items()))
    if rows:
        cols = ["id", "status", "attempts", "next_attempt", "rule", "alert", "target", "error"]
        click.echo(
            _table(
                cols,
                [
                    {
                        **r,
                        "next_attempt": (r["next_attempt"] or "-")[:16],
                        "error": (r["error"] or "")[:50],
                    }
                    for r in rows
                ],
            )
        )


def _delivery_row(delivery: Delivery) -> dict[str, Any]:
    event = delivery.event
    pending = delivery.status == "pending"
    return {
        "id": delivery.id,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "next_attempt": delivery.next_at.isoformat() if pending and delivery.next_at else None,
        "rule": event.rule,
        "alert": f"{event.story_id}/{event.seq}",
        "key": event.uri,
        "target": delivery.target,
        "error": delivery.last_error,
        "title": event.title,
        "created": delivery.created_at.isoformat(),
    }


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@pass_ctx
def backup(ctx: CliContext, path: Path) -> None:
    """Write a consistent copy of the database to PATH (safe while the service runs)."""
    with _inspect_store(ctx.settings) as store:
        store.backup(path)
    click.echo(f"backup written to {path}")


@cli.command()
@click.option("--url", default=None, help="Default: the configured host/port's /readyz.")
@click.option("--timeout", default=5.0, show_default=True)
@pass_ctx
def healthcheck(ctx: CliContext, url: str | None, timeout: float) -> None:
    """Exit 0 when the running service answers /readyz with 200 (for container health checks)."""
    settings = ctx.settings
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    url = url or f"http://{host}:{settings.port}/readyz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (our own URL)
            click.echo(resp.read(2000).decode("utf-8", "replace"))
    except Exception as exc:
        raise click.ClickException(f"{url}: not ready: {exc}") from exc


def _add_global_options(group: click.Group) -> None:
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _add_global_options(command)
        else:
            command.params.extend(_global_options())


_add_global_options(cli)


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ConfigError as exc:
        click.echo(f"config error: {exc}", err=True)
        sys.exit(2)
    except AggregatorError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
