"""aggregator: follows AI-industry news feeds, merges stories, tags deals, republishes Atom."""

__version__ = "0.1.0"

# The packages in the order data flows through them, each with the packages it may import.
# Every module may import the kernel (this module, ``models``, ``errors``, ``headlines``) and
# the modules of its own package; a package's private ``_modules`` are imported only inside
# it. A package lists only packages before it, so the graph has no cycle. Nothing imports
# ``runtime`` (the processes) but ``__main__``. Checked by tests/test_layering.py on the
# import statements; drawn in docs/architecture.md.
LAYERS: dict[str, tuple[str, ...]] = {
    "config": (),
    "fetch": (),
    "parse": (),
    "store": (),
    "stories": (),
    "deals": ("config",),  # tag rules are user regexes, compiled as config checks them
    "alerts": (),
    "publish": (),
    "web": (),
    "cycle": ("fetch", "parse", "store", "stories", "deals", "alerts", "publish"),
    "runtime": (
        "config",
        "fetch",
        "parse",
        "store",
        "stories",
        "deals",
        "alerts",
        "publish",
        "web",
        "cycle",
    ),
}
KERNEL = ("models", "errors", "headlines")
