/**
 * What the services' benchmarks share: the clock at the service.
 */
package org.mutuality.platform.test.benchmark;
