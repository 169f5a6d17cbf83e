/**
 * Who may call what: HTTP Basic credentials from configuration ({@code ANNALS_ADMIN_*},
 * {@code ANNALS_USER*}), checked by Jakarta Security; the admin API needs the role {@code admin}.
 * Every refusal is a problem+json (401 with {@code WWW-Authenticate}, 403).
 */
package io.annals.web.security;
