"""One module per section of the annual report, each with `build(period) -> Section`."""
