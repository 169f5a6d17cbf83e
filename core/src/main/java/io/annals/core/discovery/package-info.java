/**
 * Deployment-time discovery: the CDI portable extension that finds command and query handlers,
 * sagas, projections and event types in every bean archive, and refuses ambiguous or malformed ones
 * with a deployment error naming the classes involved.
 */
package io.annals.core.discovery;
