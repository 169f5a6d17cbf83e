/**
 * Where the application's data lives: the {@code java:app/jdbc/annals} data source driven by
 * MicroProfile Config (an embedded H2 file database by default, {@code ANNALS_DB_URL} for PostgreSQL)
 * and the WAR's own schema migrations.
 */
package io.annals.web.config;
