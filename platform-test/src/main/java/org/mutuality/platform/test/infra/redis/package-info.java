/**
 * The Redis that development and CI machines run on 127.0.0.1:6379, for tests of the Redis paths (no embedded one).
 */
package org.mutuality.platform.test.infra.redis;
