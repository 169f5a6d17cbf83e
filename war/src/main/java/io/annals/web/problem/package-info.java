/**
 * Errors as {@code application/problem+json} (RFC 9457). {@link io.annals.web.problem.Problems} is
 * the one place that maps exception families to status codes; the mappers, the error-page servlet
 * and the filters only hand it what went wrong.
 */
package io.annals.web.problem;
