/**
 * The deployable application: JAX-RS resources that translate HTTP into the modules' commands and
 * queries and back, and everything around them that only a deployment knows — the data source,
 * problem+json errors, security, idempotency keys, health, metrics and OpenAPI.
 */
package io.annals.web;
