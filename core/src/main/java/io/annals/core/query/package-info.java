/**
 * Queries: the {@link io.annals.core.query.Query} marker, one
 * {@link io.annals.core.query.QueryHandler} per query type, and the
 * {@link io.annals.core.query.QueryBus}.
 */
package io.annals.core.query;
