/**
 * Small helpers shared by the embedded backends and the dev stack launcher: free and busy ports, child process trees.
 */
package org.mutuality.platform.test.infra.support;
