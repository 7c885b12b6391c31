/**
 * What the services' benchmarks share: the clock at the service and the percentiles of the times measured.
 */
package org.mutuality.platform.test.benchmark;
