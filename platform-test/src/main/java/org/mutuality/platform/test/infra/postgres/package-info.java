/**
 * PostgreSQL for tests and the dev stack: {@link org.mutuality.platform.test.infra.postgres.EmbeddedPostgresServer}
 * (zonky's PostgreSQL binaries) or the official container image, behind
 * {@link org.mutuality.platform.test.infra.postgres.PostgresServer}.
 */
package org.mutuality.platform.test.infra.postgres;
