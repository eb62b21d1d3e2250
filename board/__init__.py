"""Plain functions the dashboard arranges: loading, filters, charts, document view, evidence."""
