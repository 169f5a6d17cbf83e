/**
 * Operating the application: readiness and liveness checks, metrics (commands, append latency,
 * processor lag) and the start-up log lines.
 */
package io.annals.web.ops;
