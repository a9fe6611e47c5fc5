#!/usr/bin/env bash
# Container smoke test: builds the real Dockerfile with podman and proves the image works.
#
#   sudo tests/container/smoke.sh          (CI: .ci/run calls it; needs root and apt-get)
#
# 0. installs podman/runc/debootstrap with apt-get when missing; writes a private
#    containers.conf + storage.conf under $CACHE (nothing global is changed);
# 1. makes (once, cached) a local Debian bookworm base image with python3 + python3-venv
#    via debootstrap + `podman import` (no container registry is needed);
# 2. builds wheels of the dependencies on the host into $CACHE (PyPI is used only on a cold
#    cache), puts them in ./wheels for the build only, and builds the image from the real
#    Dockerfile, offline, with --build-arg BASE=<local base>;
# 3. starts a local feed server on 127.0.0.1 and the container (host network, named volume,
#    mounted feeds.yaml);
# 4. waits until the HEALTHCHECK passes, checks /all.atom holds the feed's titles;
# 5. stops it with SIGTERM and checks it exited 0 within the grace period;
# 6. starts a new (read-only) container on the same volume and checks the story ids held;
# 7. checks the process is not root and cannot write outside /data; then marks the database
#    as made by newer code and checks a new container refuses it with a clear message;
# 8. removes containers, volume and temporary files, and prints PASS with timings.
#
# Environment: AGGREGATOR_SMOKE_CACHE (cache dir), AGGREGATOR_SMOKE_MIRROR (Debian mirror),
# AGGREGATOR_SMOKE_REBUILD_BASE=1 (remake the base image), AGGREGATOR_SMOKE_KEEP=1 (keep the
# containers and volume for inspection).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${AGGREGATOR_SMOKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aggregator-smoke}
RUNDIR=${XDG_RUNTIME_DIR:-/run}/aggregator-smoke
SUITE=bookworm
BASE_IMAGE=localhost/aggregator-base:$SUITE
IMAGE=localhost/aggregator:smoke
GRACE=10                 # seconds podman waits after SIGTERM before SIGKILL
HEALTH_TIMEOUT=150       # seconds a container may take to become healthy
RUN_ID=$$-$RANDOM
CTR1=aggregator-smoke-$RUN_ID-first
CTR2=aggregator-smoke-$RUN_ID-second
CTR3=aggregator-smoke-$RUN_ID-newer-db
VOLUME=aggregator-smoke-$RUN_ID
WORK=""
FEED_PID=""
T0=$(date +%s)

log() { printf '[smoke %4ss] %s\n' "$(($(date +%s) - T0))" "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ------------------------------------------------------------------------- 0. tools + config

need_root() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "smoke.sh: needs root (apt-get, debootstrap and rootful podman); run it with sudo." >&2
        echo "smoke.sh: NOT RUN - no result." >&2
        exit 2
    fi
}

install_tools() {
    local missing=() pkg
    for pkg in podman runc conmon debootstrap uidmap slirp4netns fuse-overlayfs; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install them"
    log "installing ${missing[*]} with apt-get"
    timeout 300 apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
}

# The lower of a wanted limit and the host's hard limit (podman may not raise limits here).
limit() {
    local want=$1 hard=$2
    if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then echo "$want"; else echo "$hard"; fi
}

write_podman_config() {
    local driver=overlay nofile nproc
    grep -qw overlay /proc/filesystems || driver=vfs
    nofile=$(limit 1024 "$(ulimit -Hn)")
    nproc=$(limit 4096 "$(ulimit -Hu)")
    mkdir -p "$CACHE" "$RUNDIR"
    cat > "$CACHE/containers.conf" <<EOF
# Written by tests/container/smoke.sh: podman settings for the smoke test only.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
log_driver = "k8s-file"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$RUNDIR/tmp"
EOF
    cat > "$CACHE/storage.conf" <<EOF
# Written by tests/container/smoke.sh: image storage for the smoke test only.
[storage]
driver = "$driver"
graphroot = "$CACHE/storage"
runroot = "$RUNDIR/storage"
EOF
    export CONTAINERS_CONF="$CACHE/containers.conf"
    export CONTAINERS_STORAGE_CONF="$CACHE/storage.conf"
    export CONTAINERS_REGISTRIES_CONF="$CACHE/registries.conf"
    printf 'unqualified-search-registries = []\n' > "$CONTAINERS_REGISTRIES_CONF"
}

check_podman() {
    local out
    if ! out=$(timeout 60 podman run --rm --network none --pull=never "$1" true 2>&1); then
        log "podman cannot run a container on this machine:"
        printf '%s\n' "$out" >&2
        fail "podman does not work here - the container test did NOT run"
    fi
}

# ------------------------------------------------------------------------- 1. base image

# The Debian mirror this machine's apt uses (the repository names none): the URI of an
# entry for $SUITE, else of any Debian archive entry (not the security archive), in
# deb822 .sources files or one-line .list files under $1 (default /etc/apt). Prints nothing
# and returns 1 when there is none.
debian_mirror() {
    local apt=${1:-/etc/apt} uri
    uri=$(awk -v suite="$SUITE" '
        /^URIs:/ { u = $2 }
        /^Suites:/ && u { for (i = 2; i <= NF; i++) if ($i == suite) { print u; exit } }
        /^$/ { u = "" }' "$apt"/sources.list.d/*.sources 2>/dev/null || true)
    [ -z "$uri" ] && uri=$(awk -v suite="$SUITE" '{ sub(/ \[[^]]*\]/, "") }
        $1 == "deb" && $3 == suite { print $2; exit }' \
          "$apt"/sources.list "$apt"/sources.list.d/*.list 2>/dev/null || true)
    [ -z "$uri" ] && uri=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' \
          "$apt"/sources.list.d/*.sources 2>/dev/null || true)
    [ -z "$uri" ] && uri=$(awk '{ sub(/ \[[^]]*\]/, "") }
        $1 == "deb" && $2 !~ /security/ { print $2; exit }' \
          "$apt"/sources.list "$apt"/sources.list.d/*.list 2>/dev/null || true)
    [ -n "$uri" ] && echo "$uri"
}

choose_mirror() {
    if [ -n "${AGGREGATOR_SMOKE_MIRROR:-}" ]; then echo "$AGGREGATOR_SMOKE_MIRROR"; return; fi
    debian_mirror /etc/apt || fail "no Debian mirror in this machine's apt sources" \
        "(/etc/apt/sources.list, /etc/apt/sources.list.d/); set AGGREGATOR_SMOKE_MIRROR to" \
        "the mirror debootstrap should use"
}

make_base_image() {
    if [ "${AGGREGATOR_SMOKE_REBUILD_BASE:-0}" != 1 ] && podman image exists "$BASE_IMAGE"; then
        log "base image $BASE_IMAGE: cached"
        return 0
    fi
    local mirror rootfs="$CACHE/rootfs" started previous
    started=$(now)
    previous=$(podman image inspect --format '{{.Id}}' "$BASE_IMAGE" 2>/dev/null || true)
    mirror=$(choose_mirror) || exit 1
    log "base image: debootstrap $SUITE from $mirror (a few minutes, once)"
    release_rootfs "$rootfs"
    timeout 1200 debootstrap --variant=minbase --include=python3,python3-venv \
        "$SUITE" "$rootfs" "$mirror" > "$CACHE/debootstrap.log" 2>&1 \
        || { tail -20 "$CACHE/debootstrap.log" >&2; fail "debootstrap failed"; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
        "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
        "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" -c . | timeout 300 podman import --quiet \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" > /dev/null
    release_rootfs "$rootfs"
    [ -z "$previous" ] || podman rmi "$previous" > /dev/null 2>&1 || true
    log "base image $BASE_IMAGE made in $(since "$started")s"
}

release_rootfs() {  # an interrupted debootstrap may leave /proc or /sys mounted inside
    awk -v root="$1/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r \
        | xargs --no-run-if-empty -n 1 umount --lazy
    rm -rf "$1"
}

# ------------------------------------------------------------------------- 2. wheels + image

python_for() {  # a host python with pip whose X.Y matches the image's python
    local want=$1 py
    for py in "$ROOT/.venv/bin/python" "python$want" python3; do
        command -v "$py" >/dev/null || continue
        [ "$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" = "$want" ] || continue
        "$py" -m pip --version >/dev/null 2>&1 && { echo "$py"; return 0; }
    done
    fail "no host python $want with pip to build wheels for the image's python $want"
}

build_wheels() {  # python, X.Y: wheels of every dependency in $CACHE/wheels-X.Y
    local py=$1 dir="$CACHE/wheels-$2" req="$WORK/requirements.txt"
    "$py" -c 'import sys, tomllib
data = tomllib.load(open(sys.argv[1], "rb"))
print("\n".join(data["build-system"]["requires"] + data["project"]["dependencies"]))' \
        "$ROOT/pyproject.toml" > "$req"
    mkdir -p "$dir"
    if "$py" -m pip wheel --no-index --find-links "$dir" --wheel-dir "$dir" -r "$req" \
            > "$WORK/wheels.log" 2>&1; then
        log "wheels: all cached"
    else
        log "wheels: downloading/building the missing ones"
        timeout 900 "$py" -m pip wheel --find-links "$dir" --wheel-dir "$dir" -r "$req" \
            > "$WORK/wheels.log" 2>&1 || { tail -20 "$WORK/wheels.log" >&2; fail "pip wheel failed"; }
    fi
    stage_wheels "$dir"
}

# The Dockerfile takes wheels from ./wheels: put ours there for the build only (cleanup
# removes exactly the files added here, so ./wheels is left as it was found).
stage_wheels() {
    local wheel
    mkdir -p "$ROOT/wheels"
    for wheel in "$1"/*.whl; do
        [ -e "$ROOT/wheels/${wheel##*/}" ] && continue
        printf '%s\n' "$ROOT/wheels/${wheel##*/}" >> "$WORK/staged-wheels"
        cp -p "$wheel" "$ROOT/wheels/"
    done
}

build_image() {
    local previous current
    previous=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
    log "podman build (offline, BASE=$BASE_IMAGE)"
    timeout 1200 podman build --format docker --network none --pull=never \
        --build-arg "BASE=$BASE_IMAGE" --tag "$IMAGE" --file "$ROOT/Dockerfile" "$ROOT" \
        > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; fail "podman build failed"; }
    current=$(podman image inspect --format '{{.Id}}' "$IMAGE")
    # The cache keeps one image: drop the one this build replaced (its layers, not the base's).
    if [ -n "$previous" ] && [ "$previous" != "$current" ]; then
        podman rmi "$previous" > /dev/null 2>&1 || true
    fi
}

trim_storage() {  # a cache over 3 GB is emptied of everything but the base image
    local size
    size=$(du -sm "$CACHE/storage" 2>/dev/null | cut -f1)
    [ "${size:-0}" -gt 3072 ] || return 0
    log "image cache is ${size} MB: removing all images but $BASE_IMAGE"
    podman images --all --format '{{.Id}} {{.Repository}}:{{.Tag}}' \
        | awk -v keep="$BASE_IMAGE" '$2 != keep { print $1 }' \
        | xargs --no-run-if-empty podman rmi --force > /dev/null 2>&1 || true
}

check_image_config() {
    local user health cmd volumes
    user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
    health=$(podman image inspect --format '{{json .HealthCheck}}' "$IMAGE")
    cmd=$(podman image inspect --format '{{json .Config.Cmd}}' "$IMAGE")
    volumes=$(podman image inspect --format '{{json .Config.Volumes}}' "$IMAGE")
    case "$user" in "" | root | 0 | 0:*) fail "image USER is '$user'" ;; esac
    [[ $health == *'"aggregator","healthcheck"'* ]] || fail "image HEALTHCHECK is $health"
    [ "$cmd" = '["aggregator","run"]' ] || fail "image CMD is $cmd"
    [[ $volumes == *'"/data"'* ]] || fail "image VOLUME is $volumes"
}

# ------------------------------------------------------------------------- 3.-7. containers

start_feed_server() {
    python3 "$HERE/feed_server.py" --port-file "$WORK/feed.port" --lifetime 1200 \
        2> "$WORK/feed-server.log" &
    FEED_PID=$!
    local _
    for _ in $(seq 100); do
        [ -s "$WORK/feed.port" ] && return 0
        kill -0 "$FEED_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$WORK/feed-server.log" >&2
    fail "the feed server did not start"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_container() {  # name, extra podman run options...
    local name=$1
    shift
    podman run --detach --name "$name" --network host --pull=never "$@" \
        --volume "$VOLUME:/data" \
        --volume "$WORK/feeds.yaml:/etc/aggregator/feeds.yaml:ro" \
        --env AGGREGATOR_HOST=127.0.0.1 --env "AGGREGATOR_PORT=$PORT" \
        --env "AGGREGATOR_BASE_URL=http://127.0.0.1:$PORT/" --env AGGREGATOR_LOG_FORMAT=json \
        "$IMAGE" > /dev/null 2>> "$WORK/podman.log" \
        || { tail -5 "$WORK/podman.log" >&2; fail "podman run $name failed"; }
}

show_logs() {
    log "last log lines of $1:"
    podman logs --tail 30 "$1" >&2 2>&1 || true
}

wait_healthy() {  # name -> seconds it took
    local name=$1 started deadline status
    started=$(now)
    deadline=$(($(date +%s) + HEALTH_TIMEOUT))
    while :; do
        if [ "$(podman inspect --format '{{.State.Running}}' "$name")" != true ]; then
            show_logs "$name"
            fail "$name stopped before becoming healthy"
        fi
        if timeout 30 podman healthcheck run "$name" > /dev/null 2>&1; then break; fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            show_logs "$name"
            fail "$name not healthy after ${HEALTH_TIMEOUT}s"
        fi
        sleep 1
    done
    status=$(podman inspect --format '{{.State.Health.Status}}' "$name")
    [ "$status" = healthy ] || fail "$name: health status is '$status' after a passing check"
    since "$started"
}

fetch_entries() {  # path -> "<id>\t<title>" lines
    python3 "$HERE/atom_entries.py" "http://127.0.0.1:$PORT/$1" || fail "cannot read /$1"
}

check_site() {  # container name; leaves the story ids in $WORK/ids.<name>
    local name=$1 entries title
    entries=$(fetch_entries all.atom)
    while IFS= read -r title; do
        grep -qF $'\t'"$title" <<< "$entries" || { printf '%s\n' "$entries" >&2;
            fail "/all.atom of $name lacks the entry '$title'"; }
    done < <(python3 "$HERE/feed_server.py" --titles)
    cut -f1 <<< "$entries" > "$WORK/ids.$name"
    fetch_entries feed.atom > /dev/null
    python3 - "$PORT" <<'EOF' || fail "/healthz or /metrics of $name failed"
import sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for path, needle in (("/healthz", b""), ("/metrics", b"# TYPE")):
    with urllib.request.urlopen(base + path, timeout=10) as response:
        assert response.status == 200 and needle in response.read(), path
EOF
    podman logs "$name" 2>&1 | python3 -c 'import json, sys; json.loads(sys.stdin.read().splitlines()[0])' \
        || fail "$name: AGGREGATOR_LOG_FORMAT=json did not give JSON log lines"
}

check_confinement() {  # container name
    local name=$1 uid path
    uid=$(podman exec "$name" id -u)
    [ "$uid" != 0 ] || fail "podman exec in $name runs as root"
    uid=$(podman exec "$name" awk '/^Uid:/ { print $2 }' /proc/1/status)
    [ "$uid" != 0 ] || fail "the service process in $name runs as root"
    for path in /etc/x /usr/x /opt/venv/x /etc/aggregator/feeds.yaml; do
        if podman exec "$name" sh -c "touch $path" 2>/dev/null; then
            fail "$name can write $path"
        fi
    done
    podman exec "$name" sh -c 'touch /data/x && rm /data/x' || fail "$name cannot write /data"
}

stop_container() {  # name -> seconds it took
    local name=$1 started code
    started=$(now)
    timeout $((GRACE + 30)) podman stop --time "$GRACE" "$name" > /dev/null 2>> "$WORK/podman.log"
    local took
    took=$(since "$started")
    code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
    if [ "$code" != 0 ]; then
        show_logs "$name"
        fail "$name exited $code on SIGTERM (took ${took}s; 137 = killed after ${GRACE}s)"
    fi
    awk -v t="$took" -v g="$GRACE" 'BEGIN { exit !(t < g) }' || fail "$name took ${took}s to stop"
    echo "$took"
}

check_newer_database_refused() {  # a database from newer code: not used, with a clear message
    local name=$1 started deadline body=""
    podman run --rm --network none --pull=never --volume "$VOLUME:/data" "$IMAGE" python3 -c '
import sqlite3
db = sqlite3.connect("/data/aggregator.db")
db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
           " VALUES (\"aggregator\", \"9999_from_the_future\", datetime(\"now\"))")
db.commit()' 2>> "$WORK/podman.log" || fail "cannot add a future migration to the database"
    start_container "$name"
    started=$(now)
    deadline=$(($(date +%s) + 60))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if [ "$(podman inspect --format '{{.State.Running}}' "$name")" != true ]; then
            [ "$(podman inspect --format '{{.State.ExitCode}}' "$name")" != 0 ] \
                || fail "$name exited 0 on a database from newer code"
            podman logs "$name" 2>&1 | grep -q "newer than this program" \
                || { show_logs "$name"; fail "$name exited without saying why"; }
            echo "exit $(podman inspect --format '{{.State.ExitCode}}' "$name") in $(since "$started")s"
            return 0
        fi
        body=$(python3 - "$PORT" <<'PY' 2>/dev/null || true
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/readyz", timeout=5)
    print("ready")
except urllib.error.HTTPError as exc:
    print(exc.code, exc.read().decode())
PY
)
        case "$body" in
            ready*) fail "$name is ready on a database from newer code" ;;
            503*"newer than this program"*) echo "/readyz 503 in $(since "$started")s"; return 0 ;;
        esac
        sleep 0.5
    done
    show_logs "$name"
    fail "$name gave no clear refusal of a database from newer code within 60s (last: $body)"
}

unstage_wheels() {
    if [ -n "$WORK" ] && [ -f "$WORK/staged-wheels" ]; then
        xargs --no-run-if-empty --delimiter '\n' rm -f < "$WORK/staged-wheels"
        rm -f "$WORK/staged-wheels"
    fi
}

cleanup() {
    local rc=$?
    set +e
    unstage_wheels
    if [ "${AGGREGATOR_SMOKE_KEEP:-0}" = 1 ]; then
        log "keeping containers $CTR1 $CTR2 $CTR3 and volume $VOLUME"
    elif command -v podman > /dev/null && [ -n "${CONTAINERS_CONF:-}" ]; then
        podman rm --force --time 0 "$CTR1" "$CTR2" "$CTR3" > /dev/null 2>&1
        podman volume rm --force "$VOLUME" > /dev/null 2>&1
    fi
    [ -n "$FEED_PID" ] && kill "$FEED_PID" 2> /dev/null && wait "$FEED_PID" 2> /dev/null
    [ -n "$WORK" ] && rm -rf "$WORK"
    [ "$rc" -ne 0 ] && log "smoke test FAILED (exit $rc)"
    exit "$rc"
}

main() {
    need_root
    mkdir -p "$CACHE"
    exec 9> "$CACHE/lock"
    flock --wait 1800 9 || fail "another smoke run holds $CACHE/lock"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    WORK=$(mktemp -d)
    chmod 755 "$WORK"

    install_tools
    write_podman_config
    local t phase_base phase_build image_py py
    t=$(now); make_base_image; phase_base=$(since "$t")
    check_podman "$BASE_IMAGE"
    image_py=$(podman run --rm --network none --pull=never "$BASE_IMAGE" \
        python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    py=$(python_for "$image_py")
    trim_storage
    t=$(now); build_wheels "$py" "$image_py"; build_image; unstage_wheels
    phase_build=$(since "$t")
    check_image_config
    log "image $IMAGE built in ${phase_build}s (python $image_py)"

    start_feed_server
    PORT=$(free_port)
    sed -e "s|@FEED_URL@|http://127.0.0.1:$(cat "$WORK/feed.port")/ai.xml|" \
        -e "s|@BASE_URL@|http://127.0.0.1:$PORT/|" "$HERE/feeds.yaml.in" > "$WORK/feeds.yaml"
    chmod 644 "$WORK/feeds.yaml"
    podman volume create "$VOLUME" > /dev/null

    local healthy1 stop1 healthy2 stop2 refused
    start_container "$CTR1"
    healthy1=$(wait_healthy "$CTR1")
    log "$CTR1 healthy after ${healthy1}s"
    check_site "$CTR1"
    check_confinement "$CTR1"
    stop1=$(stop_container "$CTR1")
    log "$CTR1 stopped by SIGTERM with exit 0 in ${stop1}s"

    start_container "$CTR2" --read-only
    healthy2=$(wait_healthy "$CTR2")
    check_site "$CTR2"
    diff "$WORK/ids.$CTR1" "$WORK/ids.$CTR2" >&2 || fail "story ids changed across the restart"
    log "$CTR2 (read-only) healthy after ${healthy2}s; $(wc -l < "$WORK/ids.$CTR2") story ids unchanged"
    stop2=$(stop_container "$CTR2")

    refused=$(check_newer_database_refused "$CTR3")
    log "$CTR3 on a database from newer code: refused ($refused)"

    echo "PASS: container smoke test in $(($(date +%s) - T0))s (base image ${phase_base}s," \
         "wheels+build ${phase_build}s, healthy ${healthy1}s, SIGTERM exit 0 in ${stop1}s," \
         "restart healthy ${healthy2}s with ids unchanged, stop ${stop2}s," \
         "newer database refused: ${refused})"
}

main "$@"
