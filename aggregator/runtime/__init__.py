"""runtime: the processes and their plumbing (CLI, service, cycle worker, web helpers).

Nothing imports this package; it may import every other one. Its modules are public and
imported one by one, never from here: a web helper process loads ``web_pool`` (and ``cli``,
the script that started the service) without the pipeline, the scheduler or the stages.

``cli`` (the ``aggregator`` command), ``service`` (scheduler, serving, the cycle process),
``worker`` (the cycle process and the parse pool), ``web_pool`` (web helper processes
sharing the port), ``readiness`` (``/readyz``), ``metrics`` (``/metrics``), ``logs``.
"""

__all__ = ["cli", "logs", "metrics", "readiness", "service", "web_pool", "worker"]
