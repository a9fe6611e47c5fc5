"""Schema and numbered migrations of the store.

Migrations are applied in order at open; their names start with a zero-padded number.
A database that has a migration this code does not know is newer than the code: refused.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from ..errors import StoreError

MIGRATION_SET = "aggregator"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE feeds (
            name TEXT PRIMARY KEY,
            url TEXT,
            config_url TEXT,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetch_at TEXT,
            last_success_at TEXT,
            last_status INTEGER,
            last_error TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            next_fetch_at TEXT,
            redirect_url TEXT,
            redirect_count INTEGER NOT NULL DEFAULT 0,
            disabled TEXT
        )""")
    db.execute("""
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            feed TEXT NOT NULL,
            entry_key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            original_link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            content_html TEXT NOT NULL,
            author TEXT,
            published TEXT,
            updated TEXT,
            content_hash TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            pub_time TEXT NOT NULL,
            story_id INTEGER,
            UNIQUE (feed, entry_key)
        )""")
    db.execute("CREATE INDEX entries_feed_link ON entries (feed, link)")
    db.execute("CREATE INDEX entries_feed_hash ON entries (feed, content_hash)")
    db.execute("CREATE INDEX entries_story ON entries (story_id)")
    db.execute("CREATE INDEX entries_first_seen ON entries (first_seen)")
    db.execute("CREATE INDEX entries_pub_time ON entries (pub_time)")
    db.execute("CREATE INDEX entries_pending ON entries (id) WHERE story_id IS NULL")
    db.execute("""
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            primary_entry_id INTEGER NOT NULL,
            merged_into INTEGER,
            source_count INTEGER NOT NULL DEFAULT 1,
            deal_type TEXT,
            deal_usd REAL,
            deal_json TEXT,
            tags_json TEXT NOT NULL DEFAULT '[]',
            curated INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("CREATE INDEX stories_live ON stories (id) WHERE merged_into IS NULL")
    db.execute("CREATE INDEX stories_deal ON stories (deal_type, id) WHERE merged_into IS NULL")
    db.execute("CREATE INDEX stories_curated ON stories (curated, id) WHERE merged_into IS NULL")
    db.execute("""
        CREATE TABLE story_links (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL,
            entry_id INTEGER NOT NULL,
            rule TEXT NOT NULL,
            score REAL NOT NULL,
            shared_terms TEXT NOT NULL,
            matched_entry_id INTEGER,
            created_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX story_links_story ON story_links (story_id)")
    db.execute("""
        CREATE TABLE story_merges (
            dropped_id INTEGER PRIMARY KEY,
            kept_id INTEGER NOT NULL,
            entry_id INTEGER,
            merged_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE story_parties (
            story_id INTEGER NOT NULL,
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (story_id, slug, role)
        )""")
    db.execute("CREATE INDEX story_parties_slug ON story_parties (slug, story_id)")
    db.execute("""
        CREATE TABLE story_tags (
            story_id INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (story_id, tag)
        )""")
    db.execute("CREATE INDEX story_tags_tag ON story_tags (tag, story_id)")
    db.execute("""
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            report_json TEXT NOT NULL
        )""")


@migrations(name="0002_entry_deals")
def _entry_deals(db: Database) -> None:
    # What the deal classifier read in each entry, worked out in the parse workers:
    # {"v": classifier version, "deal": Deal or null}; NULL = not classified yet.
    db.execute("ALTER TABLE entries ADD COLUMN deal_json TEXT")


@migrations(name="0003_story_features")
def _story_features(db: Database) -> None:
    # The story clusterer's reading of each entry (its own versioned encoding), so the
    # time window can be reloaded every cycle without reading every text again.
    db.execute("ALTER TABLE entries ADD COLUMN story_features TEXT")


@migrations(name="0004_story_generation")
def _story_generation(db: Database) -> None:
    # A counter bumped by every change of an entry's story (assignment, merge, deletion),
    # whoever makes it: a process that keeps the story index in memory between cycles
    # compares it with the value it saw last, and reloads the window when another writer
    # changed story membership meanwhile.
    db.execute(
        "CREATE TABLE story_generation (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "value INTEGER NOT NULL)"
    )
    db.execute("INSERT INTO story_generation VALUES (1, 0)")
    db.execute("""
        CREATE TRIGGER entries_story_moved AFTER UPDATE OF story_id ON entries
        WHEN OLD.story_id IS NOT NEW.story_id
        BEGIN UPDATE story_generation SET value = value + 1; END""")
    db.execute("""
        CREATE TRIGGER entries_story_deleted AFTER DELETE ON entries
        WHEN OLD.story_id IS NOT NULL
        BEGIN UPDATE story_generation SET value = value + 1; END""")


def member_rows(where: str, about: bool = True) -> str:
    """SELECT of (key, story_id, label): the published feeds each live story is in, for the
    stories matched by ``where`` (a condition on ``s``, the stories table).

    Keys: ``all``, ``curated``, ``deals``, ``deal:{type}`` (the deal's type, and the type of
    each other deal of its entry, ``also`` in ``deal_json``), ``company:{slug}`` (label: the
    party's name), ``investor:{slug}`` (a party in the role of investor; label: its name),
    ``tag:{tag}``, and with ``about`` (migration 0015 on) ``about:{slug}``: a party of its
    deals or a company its reports' titles name (``subjects_json``; label: the smallest of
    those names). ``story_parties`` holds the parties of the other deals too.
    """
    live = f"FROM stories s WHERE s.merged_into IS NULL AND ({where})"
    about_rows = f"""
        UNION ALL SELECT 'about:' || a.slug, a.id, min(a.name) FROM (
            SELECT p.slug AS slug, s.id AS id, p.name AS name
                FROM story_parties p JOIN stories s ON s.id = p.story_id
                WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL AND ({where})
            UNION ALL SELECT json_extract(j.value, '$[0]'), s.id, json_extract(j.value, '$[1]')
                FROM stories s, json_each(s.subjects_json) j
                WHERE s.merged_into IS NULL AND s.subjects_json IS NOT NULL AND ({where})
        ) a GROUP BY a.slug, a.id"""
    return f"""
        SELECT 'all', s.id, NULL {live}
        UNION ALL SELECT 'curated', s.id, NULL {live} AND s.curated
        UNION ALL SELECT 'deals', s.id, NULL {live} AND s.deal_type IS NOT NULL
        UNION ALL SELECT 'deal:' || s.deal_type, s.id, NULL {live} AND s.deal_type IS NOT NULL
        UNION ALL SELECT DISTINCT 'deal:' || json_extract(a.value, '$.type'), s.id, NULL
            FROM stories s, json_each(s.deal_json, '$.also') a
            WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL AND ({where})
            AND json_extract(a.value, '$.type') IS NOT s.deal_type
        UNION ALL SELECT 'company:' || p.slug, s.id, min(p.name)
            FROM story_parties p JOIN stories s ON s.id = p.story_id
            WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL AND ({where})
            GROUP BY p.slug, s.id
        UNION ALL SELECT 'investor:' || p.slug, s.id, min(p.name)
            FROM story_parties p JOIN stories s ON s.id = p.story_id
            WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL AND p.role = 'investor'
            AND ({where})
            GROUP BY p.slug, s.id
        UNION ALL SELECT 'tag:' || t.tag, s.id, NULL
            FROM story_tags t JOIN stories s ON s.id = t.story_id
            WHERE s.merged_into IS NULL AND ({where}){about_rows if about else ""}"""


@migrations(name="0005_feed_members")
def _feed_members(db: Database) -> None:
    # Which published feed each live story is in, and each feed's size, kept up to date as
    # stories change: publish reads a feed's count and newest stories from an index range,
    # whatever the size of the history.
    db.execute(
        "CREATE TABLE feed_members (key TEXT NOT NULL, story_id INTEGER NOT NULL, "
        "label TEXT, PRIMARY KEY (key, story_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX feed_members_story ON feed_members (story_id)")
    db.execute(
        "CREATE TABLE feed_sizes (key TEXT PRIMARY KEY, n INTEGER NOT NULL, "
        "label TEXT) WITHOUT ROWID"
    )
    db.execute("""
        CREATE TRIGGER feed_members_in AFTER INSERT ON feed_members BEGIN
            INSERT INTO feed_sizes (key, n, label) VALUES (NEW.key, 1, NEW.label)
            ON CONFLICT (key) DO UPDATE SET n = n + 1,
                label = coalesce(min(label, excluded.label), label, excluded.label);
        END""")
    db.execute("""
        CREATE TRIGGER feed_members_out AFTER DELETE ON feed_members BEGIN
            UPDATE feed_sizes SET n = n - 1 WHERE key = OLD.key;
        END""")
    db.execute("""
        CREATE TRIGGER stories_deleted AFTER DELETE ON stories BEGIN
            DELETE FROM feed_members WHERE story_id = OLD.id;
        END""")
    db.execute(
        "INSERT OR IGNORE INTO feed_members (key, story_id, label) " + member_rows("1", about=False)
    )


@migrations(name="0006_history_indexes")
def _history_indexes(db: Database) -> None:
    # A merge re-points the stories merged into the dropped one: without this index that
    # update read every story (a cost growing with the history, on every merge).
    db.execute(
        "CREATE INDEX stories_merged_into ON stories (merged_into) WHERE merged_into IS NOT NULL"
    )
    # A story's first reports (its facts) and a feed's latest entries (known content
    # hashes), read from an index range instead of sorting all of the story's or feed's rows.
    db.execute("CREATE INDEX entries_story_time ON entries (story_id, pub_time, id)")
    db.execute("CREATE INDEX entries_feed_id ON entries (feed, id)")


def deal_month_rows(column: str) -> str:
    """SELECT of (month, n, usd): live deal stories per month of their ``column``."""
    return (
        f"SELECT substr({column}, 1, 7) AS month, count(*) AS n, "
        "sum(CAST(round(coalesce(deal_usd, 0)) AS INTEGER)) AS usd FROM stories "
        "WHERE merged_into IS NULL AND deal_type IS NOT NULL GROUP BY month"
    )


DEAL_MONTH_ROWS = deal_month_rows("news_at")  # what deal_months holds (since 0011)
DEAL_MONTH_TRIGGERS = (
    "deal_months_insert",
    "deal_months_delete",
    "deal_months_update_old",
    "deal_months_update_new",
)


def _deal_month_trigger(name: str, event: str, row: str, sign: str, column: str) -> str:
    """A trigger adding (sign "+") or taking away ("-") ``row``'s story from the month of
    its ``column``."""
    usd = f"CAST(round(coalesce({row}.deal_usd, 0)) AS INTEGER)"
    return f"""
        CREATE TRIGGER {name} AFTER {event} ON stories
        WHEN {row}.merged_into IS NULL AND {row}.deal_type IS NOT NULL BEGIN
            INSERT INTO deal_months (month, n, usd)
            VALUES (substr({row}.{column}, 1, 7), {sign}1, {sign}{usd})
            ON CONFLICT (month) DO UPDATE SET n = n + excluded.n, usd = usd + excluded.usd;
        END"""


def deal_month_triggers(db: Database, column: str) -> None:
    """The four triggers keeping ``deal_months`` by the month of ``column``."""
    changed = f"UPDATE OF merged_into, deal_type, deal_usd, {column}"
    for name, event, row, sign in zip(
        DEAL_MONTH_TRIGGERS,
        ("INSERT", "DELETE", changed, changed),
        ("NEW", "OLD", "OLD", "NEW"),
        "+--+",
    ):
        db.execute(_deal_month_trigger(name, event, row, sign, column))


@migrations(name="0007_deal_months")
def _deal_months(db: Database) -> None:
    # Deal stories and disclosed dollars per month (the chart on index.html), kept up to date
    # as stories change, so publishing reads a few rows instead of every deal story. Dollars
    # are whole (integers) so that adding and taking away is exact. (By the month a story
    # was first seen; 0011 moves them to the month of its news time.)
    db.execute(
        "CREATE TABLE deal_months (month TEXT PRIMARY KEY, n INTEGER NOT NULL, "
        "usd INTEGER NOT NULL) WITHOUT ROWID"
    )
    deal_month_triggers(db, "created_at")
    db.execute(f"INSERT INTO deal_months (month, n, usd) {deal_month_rows('created_at')}")


@migrations(name="0008_drop_entries_story")
def _drop_entries_story(db: Database) -> None:
    # entries_story (story_id) is a prefix of entries_story_time (story_id, pub_time, id),
    # which answers every lookup it did; keeping both cost a second index write on every
    # story assignment and merge.
    db.execute("DROP INDEX IF EXISTS entries_story")


@migrations(name="0009_facts_key")
def _facts_key(db: Database) -> None:
    # The key of what the stored story facts (deal, tags, curated) were computed with: the
    # deal reader's version, each feed's publisher, the tag and curation rules. A cycle that
    # finds another key recomputes every live story's facts (story_facts.facts_key). Empty
    # here, so a database made by older code is read again once.
    db.execute("CREATE TABLE facts_key (id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL)")


@migrations(name="0010_installation_and_dates")
def _installation_and_dates(db: Database) -> None:
    # One random id per database, written into the published site beside the files it
    # made: a site made from another database (a deleted and recreated one, whose story ids
    # restarted at 1) is not published over unless asked to.
    db.execute(
        "CREATE TABLE installation (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "installation_id TEXT NOT NULL)"
    )
    db.execute(
        "INSERT INTO installation (id, installation_id) VALUES (1, lower(hex(randomblob(16))))"
    )
    # Dates before 1990 (a feed's "0001-01-01") were kept by older code and broke the story
    # window; they now count as no date: the entry's time is when it was first seen.
    db.execute("UPDATE entries SET published = NULL WHERE published < '1990-01-01'")
    db.execute("UPDATE entries SET updated = NULL WHERE updated < '1990-01-01'")
    db.execute(
        "UPDATE entries SET pub_time = first_seen WHERE pub_time < '1990-01-01' "
        "AND first_seen >= '1990-01-01'"
    )


# A story's news time: the earliest date its reports carry (the feed's published, else its
# updated: entries.published), never later than when the story was first seen (created_at);
# first seen when no report has a date. SQLite's two-argument min() is NULL when either is.
NEWS_AT_OF_STORY = (
    "min(created_at, coalesce((SELECT min(e.published) FROM entries e "
    "WHERE e.story_id = stories.id), created_at))"
)


@migrations(name="0011_news_time")
def _news_time(db: Database) -> None:
    # Stories are published with their news time (news_at), no longer with the time they
    # were first seen; the deal chart counts a deal in the month it was announced. Computed
    # here from the dates already stored with every entry; story ids and updated_at stay.
    db.execute("ALTER TABLE stories ADD COLUMN news_at TEXT")
    db.execute(f"UPDATE stories SET news_at = {NEWS_AT_OF_STORY}")
    for name in DEAL_MONTH_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    deal_month_triggers(db, "news_at")
    db.execute("DELETE FROM deal_months")
    db.execute(f"INSERT INTO deal_months (month, n, usd) {DEAL_MONTH_ROWS}")


@migrations(name="0012_alerts")
def _alerts(db: Database) -> None:
    # Alert rules (feeds.yaml alerts:). alert_state: per rule and story, how many alerts
    # fired and the facts last alerted (what the next change is compared with).
    # alert_events: every alert, with a snapshot of what it said (its feed entry and its
    # webhook body never change). alert_outbox: one delivery per alert and webhook target,
    # written in the transaction that saved the story's facts; a row stays 'pending' until
    # the receiver answered 2xx, so a crash mid-delivery only means sending it again (same
    # Idempotency-Key). story_corrections: material changes of a published deal's facts.
    db.execute(
        "CREATE TABLE alert_state (rule TEXT NOT NULL, story_id INTEGER NOT NULL, "
        "seq INTEGER NOT NULL, facts_json TEXT NOT NULL, "
        "PRIMARY KEY (rule, story_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX alert_state_story ON alert_state (story_id)")
    db.execute("""
        CREATE TABLE alert_events (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            changes_json TEXT NOT NULL,
            deal_json TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            outlet TEXT NOT NULL,
            outlet_feed TEXT,
            story_uri TEXT NOT NULL,
            fired_at TEXT NOT NULL,
            UNIQUE (rule, story_id, seq)
        )""")
    db.execute("CREATE INDEX alert_events_rule ON alert_events (rule, id)")
    db.execute("""
        CREATE TABLE alert_outbox (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL,
            target TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_at TEXT NOT NULL,
            last_status INTEGER,
            last_error TEXT,
            created_at TEXT NOT NULL,
            done_at TEXT,
            UNIQUE (event_id, target)
        )""")
    db.execute("CREATE INDEX alert_outbox_due ON alert_outbox (next_at) WHERE status = 'pending'")
    db.execute("CREATE INDEX alert_outbox_status ON alert_outbox (status, id)")
    db.execute(
        "CREATE TABLE story_corrections (id INTEGER PRIMARY KEY, "
        "story_id INTEGER NOT NULL, at TEXT NOT NULL, changes_json TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX story_corrections_story ON story_corrections (story_id, id)")
    # the daily brief reads the deal stories of its days by news time
    db.execute(
        "CREATE INDEX stories_deal_news ON stories (news_at) "
        "WHERE merged_into IS NULL AND deal_type IS NOT NULL"
    )


_LIVE_DEAL = (
    "{row}.merged_into IS NULL AND {row}.deal_type IS NOT NULL AND {row}.news_at IS NOT NULL"
)


@migrations(name="0013_deal_days")
def _deal_days(db: Database) -> None:
    # Per day of news time (UTC), a count of the writes to its live deal stories (one
    # becoming a deal, changing, moving to another day, merged away or losing its deal),
    # kept by triggers: publish renders the rows of deals.csv / deals.ndjson again only for
    # the days whose count moved, and reads a few hundred rows to know which. Every change
    # of a story, its sources or its primary text is a write of its stories row.
    db.execute("CREATE TABLE deal_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    for name, event, row in (
        ("insert", "INSERT", "NEW"),
        ("delete", "DELETE", "OLD"),
        ("update_old", "UPDATE", "OLD"),
        ("update_new", "UPDATE", "NEW"),
    ):
        db.execute(f"""
            CREATE TRIGGER deal_days_{name} AFTER {event} ON stories
            WHEN {_LIVE_DEAL.format(row=row)} BEGIN
                INSERT INTO deal_days (day, n) VALUES (substr({row}.news_at, 1, 10), 1)
                ON CONFLICT (day) DO UPDATE SET n = n + 1;
            END""")
    db.execute(
        "INSERT INTO deal_days (day, n) SELECT substr(news_at, 1, 10), count(*) "
        f"FROM stories WHERE {_LIVE_DEAL.format(row='stories')} GROUP BY 1"
    )


@migrations(name="0014_investors")
def _investors(db: Database) -> None:
    # Investor pages (investors/{slug}.html and its feeds) list the deal stories a party
    # invests in: their own feed_members key, kept as the company keys are. And the site's
    # "largest deals" of a period walk the live deals by amount, largest first, instead of
    # reading every deal of the period.
    db.execute(
        "INSERT OR IGNORE INTO feed_members (key, story_id, label) "
        "SELECT 'investor:' || p.slug, s.id, min(p.name) "
        "FROM story_parties p JOIN stories s ON s.id = p.story_id "
        "WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL "
        "AND p.role = 'investor' GROUP BY p.slug, s.id"
    )
    db.execute(
        "CREATE INDEX stories_deal_usd ON stories (deal_usd) "
        "WHERE merged_into IS NULL AND deal_type IS NOT NULL AND deal_usd IS NOT NULL"
    )


@migrations(name="0015_story_subjects")
def _story_subjects(db: Database) -> None:
    # A company page lists every story about the company, not only its deals: the known
    # companies (gazetteer) a story's report titles name are kept with it, [[slug, name],
    # ...] (NULL: none, or not read yet: the facts key changes with this, so every story's
    # facts are read again once), and ``about:{slug}`` members (a party of its deals, or
    # one of those) are kept as the other feeds' are. Deal parties are members from here.
    db.execute("ALTER TABLE stories ADD COLUMN subjects_json TEXT")
    db.execute(
        "INSERT OR IGNORE INTO feed_members (key, story_id, label) "
        "SELECT 'about:' || p.slug, s.id, min(p.name) "
        "FROM story_parties p JOIN stories s ON s.id = p.story_id "
        "WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL GROUP BY p.slug, s.id"
    )


@migrations(name="0016_site_link")
def _site_link(db: Database) -> None:
    # The site link a feed document gives (<link> of RSS, Atom's alternate link): with its
    # title, it names whose own feed it is when feeds.yaml does not (a feed read from a
    # file, a mirror or a proxy).
    db.execute("ALTER TABLE feeds ADD COLUMN site_link TEXT")


@migrations(name="0017_deal_months_by_amount")
def _deal_months_by_amount(db: Database) -> None:
    # The site's "largest deals" of a period read, per month (UTC) of news time, that
    # month's few largest live deals from the top of this index, and keep the largest of
    # those: a few hundred index entries for a year, however old the largest amounts of the
    # whole history are (the walk of stories_deal_usd from the top could find none of them
    # in the period, and then read every deal of the period). That walk's index goes.
    db.execute("DROP INDEX IF EXISTS stories_deal_usd")
    db.execute(
        "CREATE INDEX stories_deal_month_usd ON stories (substr(news_at, 1, 7), deal_usd) "
        "WHERE merged_into IS NULL AND deal_type IS NOT NULL AND deal_usd IS NOT NULL"
    )


@migrations(name="0018_feed_generations")
def _feed_generations(db: Database) -> None:
    # Per published feed (its ``feed_members`` key), a count of the changes to it: a story
    # joining or leaving it, or a new version or primary report of a story in it (what a
    # feed's digest is made of, with its size). Publish keeps each feed's count with its
    # digest and reads a feed's head again only when its count (or its size, or the
    # settings) moved: an incremental publish at 1M stories reads the heads of the few
    # feeds its new stories are in, not of every feed. A key with no row counts 0.
    db.execute(
        "CREATE TABLE feed_generations (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
    )
    bump = (
        "INSERT INTO feed_generations (key, n) VALUES ({key}, 1) "
        "ON CONFLICT (key) DO UPDATE SET n = n + 1;"
    )
    db.execute(
        "CREATE TRIGGER feed_generations_in AFTER INSERT ON feed_members BEGIN "
        + bump.format(key="NEW.key")
        + " END"
    )
    db.execute(
        "CREATE TRIGGER feed_generations_out AFTER DELETE ON feed_members BEGIN "
        + bump.format(key="OLD.key")
        + " END"
    )
    db.execute("""
        CREATE TRIGGER feed_generations_story
        AFTER UPDATE OF updated_at, primary_entry_id ON stories
        WHEN OLD.updated_at IS NOT NEW.updated_at
            OR OLD.primary_entry_id IS NOT NEW.primary_entry_id BEGIN
            INSERT INTO feed_generations (key, n)
            SELECT key, 1 FROM feed_members WHERE story_id = NEW.id
            ON CONFLICT (key) DO UPDATE SET n = n + 1;
        END""")


KNOWN = tuple(m.name for m in migrations._migrations)


def migrate(db: Database) -> None:
    """Apply pending migrations; refuse a database made by newer code."""
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in KNOWN]
    if unknown:
        raise StoreError(
            f"database schema is newer than this program (unknown migrations: "
            f"{', '.join(unknown)}); upgrade aggregator or use a backup made by this version"
        )
    migrations.apply(db)


def schema_version(db: Database) -> str:
    applied = [m.name for m in migrations.applied(db)]
    return applied[-1] if applied else "none"
