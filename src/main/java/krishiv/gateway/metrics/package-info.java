/**
 * {@code GET /metrics}: one Prometheus scrape for the whole cluster. The gateway's own meters come from the
 * Micrometer registry Vert.x writes to; the cluster's families are rendered straight from the view's immutable
 * snapshot (no meter per executor), within a cardinality budget, cached per snapshot version and rendered on a
 * worker thread. See {@code docs/metrics.md}.
 */
package krishiv.gateway.metrics;
