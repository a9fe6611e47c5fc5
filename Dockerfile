# syntax=docker/dockerfile:1
# aggregator as a container service. Build:  docker build -t aggregator .
# Another base can be passed (e.g. a locally imported Debian image):
#   docker build --build-arg BASE=localhost/debian-python:bookworm -t aggregator .
ARG BASE=python:3.12-slim

# ---- builder: wheels for the package and every dependency --------------------------------
FROM ${BASE} AS builder
WORKDIR /src
# Wheels already built on the host (offline builds) may be put in ./wheels; pip uses them first.
COPY wheels/ /wheels/
COPY pyproject.toml README.md ./
COPY aggregator/ aggregator/
RUN python3 -m pip wheel --no-cache-dir --find-links /wheels --wheel-dir /wheels .

# ---- runtime: slim, non-root, data under /data ---------------------------------------------
FROM ${BASE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    AGGREGATOR_CONFIG=/etc/aggregator/feeds.yaml \
    AGGREGATOR_DATABASE=/data/aggregator.db \
    AGGREGATOR_OUTPUT=/data/site \
    AGGREGATOR_HOST=0.0.0.0 \
    AGGREGATOR_PORT=8080
COPY --from=builder /wheels /wheels
RUN python3 -m pip install --no-cache-dir --no-index --find-links /wheels aggregator \
    && rm -rf /wheels \
    && groupadd --system --gid 10001 aggregator \
    && useradd --system --uid 10001 --gid aggregator --home-dir /data --shell /usr/sbin/nologin aggregator \
    && mkdir -p /data /etc/aggregator \
    && chown aggregator:aggregator /data
COPY feeds.yaml /etc/aggregator/feeds.yaml
USER aggregator
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["aggregator", "healthcheck"]
STOPSIGNAL SIGTERM
CMD ["aggregator", "run"]
