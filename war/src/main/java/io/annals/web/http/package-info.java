/**
 * HTTP plumbing shared by every resource: the request context (correlation id, principal, the
 * correlation id in log lines), the body-size limit, the JSON mapper and its money rule, the
 * command gateway that turns {@code If-Match} and idempotency keys into dispatch options, and the
 * graceful-shutdown gate.
 */
package io.annals.web.http;
