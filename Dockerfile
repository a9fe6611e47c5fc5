# syntax=docker/dockerfile:1
# aggregator as a container service. Build:  docker build -t aggregator .
#   (podman: podman build --format docker -t aggregator .  — the OCI format drops HEALTHCHECK)
# Another base can be passed (e.g. a locally imported Debian image with python3 + python3-venv):
#   docker build --build-arg BASE=localhost/aggregator-base:bookworm -t aggregator .
# Offline build: put wheels of every dependency (and of setuptools + wheel) in ./wheels first;
# when ./wheels holds any wheel, pip installs from it alone (--no-index). See docs/container.md.
ARG BASE=python:3.12-slim

# ---- builder: the package and its dependencies installed into a virtualenv -------------------
FROM ${BASE} AS builder
ENV PIP_CONFIG_FILE=/src/pip.conf \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY wheels/ /wheels/
COPY pyproject.toml ./
# Dependencies first, in a layer that source edits do not invalidate.
RUN set -eu; \
    { echo "[global]"; echo "find-links = /wheels"; \
      if ls /wheels/*.whl >/dev/null 2>&1; then echo "no-index = true"; fi; } > pip.conf; \
    python3 -m venv /opt/venv; \
    python3 -c 'import tomllib; project = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
                print(*project["dependencies"], sep="\n")' > requirements.txt; \
    /opt/venv/bin/python -m pip install --requirement requirements.txt
COPY README.md ./
COPY aggregator/ aggregator/
RUN /opt/venv/bin/python -m pip install . && /opt/venv/bin/aggregator --version

# ---- runtime: slim, non-root, data under /data ---------------------------------------------
FROM ${BASE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    AGGREGATOR_CONFIG=/etc/aggregator/feeds.yaml \
    AGGREGATOR_DATABASE=/data/aggregator.db \
    AGGREGATOR_OUTPUT=/data/site \
    AGGREGATOR_HOST=0.0.0.0 \
    AGGREGATOR_PORT=8080
RUN groupadd --system --gid 10001 aggregator \
    && useradd --system --uid 10001 --gid aggregator --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin aggregator \
    && mkdir -p /data /etc/aggregator \
    && chown aggregator:aggregator /data
COPY --from=builder /opt/venv /opt/venv
COPY feeds.yaml /etc/aggregator/feeds.yaml
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["aggregator", "healthcheck"]
STOPSIGNAL SIGTERM
CMD ["aggregator", "run"]
