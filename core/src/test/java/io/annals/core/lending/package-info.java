/**
 * A small lending-library domain the core tests run against: books are added, lent and returned
 * through real commands, handlers, an aggregate, a repository and a query, so each test exercises
 * core the way a domain module uses it.
 */
package io.annals.core.lending;
