/**
 * The admin API (role {@code admin}): the global event log and the status of projections and sagas.
 */
package io.annals.web.admin;
