/**
 * The context a message travels with (correlation, causation, principal, tenant, attributes) and the
 * request-scoped view of it that handlers read. The buses restore it on whatever thread runs a
 * handler, because a CDI request context on a worker thread starts empty.
 */
package io.annals.core.context;
