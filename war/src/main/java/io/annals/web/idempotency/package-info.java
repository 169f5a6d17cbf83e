/**
 * {@code Idempotency-Key} on command endpoints: a repeat of a request (same method, path and parsed
 * JSON body) replays the first response without running the command again, across restarts; the
 * same key with another body is 422, a repeat while the first still runs 409.
 */
package io.annals.web.idempotency;
